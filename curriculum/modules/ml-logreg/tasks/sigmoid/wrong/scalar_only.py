# uses math.exp and an if on the sign of z: fine for one number, but fails for an array
import math


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)
