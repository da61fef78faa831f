import numpy as np


def mlm_mask(tokens, rng, mask_id, vocab_size, p=0.15):
    """BERT-style masking for masked-language-model pre-training.

    tokens: integer array of token ids (any shape). rng: a numpy Generator.
    Select each position independently with probability p. For a selected position:
    80% of the time replace it by mask_id, 10% by a random id in [0, vocab_size),
    10% leave it unchanged. Positions that are not selected stay unchanged.
    Return (inputs, labels): inputs is a new corrupted copy; labels holds the
    original id at selected positions and -100 everywhere else.
    Do not modify `tokens`.

    BERT 式的掩码，用于掩码语言模型（MLM）预训练。
    tokens：token id 组成的整数数组（任意形状）；rng：numpy 的 Generator。
    每个位置以概率 p 独立地被选中。被选中的位置：80% 换成 mask_id，
    10% 换成 [0, vocab_size) 中的随机 id，10% 保持不变；没被选中的位置不变。
    返回 (inputs, labels)：inputs 是改动后的新数组；labels 在被选中的位置
    存原始 id，其余位置为 -100。不要修改 `tokens`。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
