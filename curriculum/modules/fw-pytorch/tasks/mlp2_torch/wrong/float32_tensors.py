# builds float32 tensors (torch's default dtype) instead of float64, so the gradients come back as float32
import numpy as np
import torch
import torch.nn.functional as F


def mlp2_torch(params, X, y):
    t = {k: torch.tensor(np.asarray(v), dtype=torch.float32, requires_grad=True) for k, v in params.items()}
    Xt = torch.tensor(np.asarray(X), dtype=torch.float32)
    yt = torch.tensor(np.asarray(y, dtype=np.int64))
    Z2 = torch.tanh(Xt @ t["W1"] + t["b1"]) @ t["W2"] + t["b2"]
    loss = F.cross_entropy(Z2, yt)
    loss.backward()
    return float(loss.item()), {k: v.grad.detach().numpy().copy() for k, v in t.items()}
