import numpy as np
import torch
import torch.nn.functional as F


def mlp2_torch(params, X, y):
    """The 2-layer network of the ml-nn module, with gradients from PyTorch autograd.

    "神经网络"一节中的两层网络，梯度改由 PyTorch 自动求导给出。
    """
    # torch.tensor copies the data, so params, X and y are never modified.
    t = {k: torch.tensor(np.asarray(v, dtype=np.float64), requires_grad=True)
         for k, v in params.items()}
    Xt = torch.tensor(np.asarray(X, dtype=np.float64))
    yt = torch.tensor(np.asarray(y, dtype=np.int64))
    A1 = torch.tanh(Xt @ t["W1"] + t["b1"])
    Z2 = A1 @ t["W2"] + t["b2"]
    loss = F.cross_entropy(Z2, yt)          # log-softmax + mean negative log-likelihood
    loss.backward()                         # fills t[k].grad (fresh leaves: nothing to zero)
    grads = {k: v.grad.detach().numpy().copy() for k, v in t.items()}
    return float(loss.item()), grads
