import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def test_reference_values(m):
    """s=[1,2,3], t=[3,2,1], T=2: loss and gradient match the reference
    zh: s=[1,2,3]、t=[3,2,1]、T=2：损失和梯度都与参考值一致"""
    loss, grad = m.kd_loss(np.array([[1.0, 2.0, 3.0]]), np.array([[3.0, 2.0, 1.0]]), 2.0)
    assert_close(loss, 1.2806266713192258, what="loss")
    assert_close(grad, [[-0.64031333566, 0.0, 0.64031333566]], what="grad")


def test_batch_reference(m):
    """a batch of two rows, four classes, T=4: the loss is averaged over the batch
    zh: 两行一批、四个类别、T=4：损失要在整批上取平均"""
    s = np.array([[0.5, -1.0, 2.0, 0.0], [1.0, 1.0, 1.0, 1.0]])
    t = np.array([[2.0, 0.0, 1.0, -1.0], [0.0, 3.0, 0.0, 0.0]])
    loss, grad = m.kd_loss(s, t, 4.0)
    assert_close(loss, 0.8503861009498316, what="loss")
    assert_close(grad, [[-0.202942149837, -0.0829599122, 0.177962406325, 0.107939655712],
                        [0.109145985244, -0.327437955732, 0.109145985244, 0.109145985244]],
                 rtol=1e-6, atol=1e-10, what="grad")


def test_equal_logits_give_zero(m):
    """when the student copies the teacher, loss and gradient are 0
    zh: 学生完全照抄老师时，损失和梯度都是 0"""
    z = rng(0).normal(size=(5, 7))
    loss, grad = m.kd_loss(z, z.copy(), 3.0)
    assert_close(loss, 0.0, atol=1e-12, what="loss")
    assert_close(grad, np.zeros_like(z), atol=1e-12, what="grad")


def test_nonnegative(m):
    """the loss is never negative (it is a KL divergence)
    zh: 损失永远不会是负数（它是一个 KL 散度）"""
    r = rng(1)
    for T in (0.5, 1.0, 5.0):
        loss, _ = m.kd_loss(r.normal(size=(4, 6)) * 3, r.normal(size=(4, 6)) * 3, T)
        assert_true(loss >= -1e-12, tr("loss %r < 0 at T=%g", "损失为 %r < 0（T=%g）") % (loss, T))


def test_gradient_check(m):
    """the gradient matches central differences
    zh: 梯度与中心差分的结果一致"""
    r = rng(2)
    s = r.normal(size=(3, 5))
    t = r.normal(size=(3, 5))
    T = 2.5
    _, grad = m.kd_loss(s, t, T)
    assert_shape(grad, s.shape, what="grad")
    grad_check(lambda x: m.kd_loss(x, t, T)[0], s, grad)


def test_high_temperature_limit(m):
    """with the T² factor, at T=1000 the gradient ≈ centred logit difference / (C·N)
    zh: 乘上 T² 这个因子后，T=1000 时梯度 ≈ 去均值后的 logit 之差 / (C·N)"""
    r = rng(3)
    s = r.normal(size=(2, 4))
    t = r.normal(size=(2, 4))
    _, grad = m.kd_loss(s, t, 1000.0)
    expected = ((s - s.mean(axis=1, keepdims=True)) - (t - t.mean(axis=1, keepdims=True))) / (4 * 2)
    assert_close(grad, expected, rtol=1e-2, atol=1e-5,
                 what=tr("grad at T=1000 (did you multiply by T²?)", "T=1000 时的 grad（乘上 T² 了吗？）"))


def test_large_logits_stable(m):
    """logits around 800 give the same result as logits around 0, without warnings
    zh: logit 在 800 附近与在 0 附近结果相同，而且没有警告"""
    r = rng(4)
    s = r.normal(size=(3, 4))
    t = r.normal(size=(3, 4))
    with no_warnings("kd_loss"):
        loss_big, grad_big = m.kd_loss(s + 800.0, t + 790.0, 1.0)
    loss, grad = m.kd_loss(s, t, 1.0)
    assert_close(loss_big, loss, rtol=1e-6, atol=1e-9, what=tr("loss with shifted logits", "logit 平移后的损失"))
    assert_close(grad_big, grad, rtol=1e-6, atol=1e-9, what=tr("grad with shifted logits", "logit 平移后的 grad"))


def test_rows_of_different_magnitude(m):
    """one batch with rows around 800, 0 and -800: each row is shifted on its own, without warnings
    zh: 同一批里各行的 logit 分别在 800、0、-800 附近：每一行各自平移，没有警告"""
    r = rng(5)
    s = r.normal(size=(3, 4))
    t = r.normal(size=(3, 4))
    shift_s = np.array([[800.0], [0.0], [-800.0]])
    shift_t = np.array([[790.0], [5.0], [-795.0]])
    with no_warnings("kd_loss"):
        loss_mixed, grad_mixed = m.kd_loss(s + shift_s, t + shift_t, 2.0)
    loss, grad = m.kd_loss(s, t, 2.0)
    assert_close(loss_mixed, loss, rtol=1e-6, atol=1e-9,
                 what=tr("loss with rows shifted by 800, 0, -800 (subtract each row's own max)",
                         "各行分别平移 800、0、-800 后的损失（要减去每一行自己的最大值）"))
    assert_close(grad_mixed, grad, rtol=1e-6, atol=1e-9, what=tr("grad with rows shifted by 800, 0, -800", "各行分别平移 800、0、-800 后的 grad"))
