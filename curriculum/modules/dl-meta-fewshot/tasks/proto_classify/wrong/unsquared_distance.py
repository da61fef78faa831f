# uses minus the Euclidean distance ‖q − c‖ as the score instead of minus its square
import numpy as np


def proto_classify(S, yS, Q):
    S, Q, yS = np.asarray(S, dtype=np.float64), np.asarray(Q, dtype=np.float64), np.asarray(yS)
    classes = np.unique(yS)
    protos = np.stack([S[yS == k].mean(axis=0) for k in classes])
    scores = -np.sqrt(((Q[:, None, :] - protos[None, :, :]) ** 2).sum(axis=-1))
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)
    return classes[np.argmax(probs, axis=1)], probs
