using CharBert.Metrics.Classification;
using NUnit.Framework;

namespace CharBert.Metrics.Tests;

public class ClassificationMetricsTests
{
    static readonly int[] Gold = [1, 1, 0, 0, 1];
    static readonly int[] Predicted = [1, 0, 0, 1, 1];

    [Test]
    public void Accuracy_counts_equal_positions()
    {
        // positions 0, 2, 4 agree: 3/5
        Assert.That(ClassificationMetrics.Accuracy(Gold, Predicted), Is.EqualTo(0.6).Within(1e-12));
    }

    [Test]
    public void Binary_f1_of_the_positive_label()
    {
        // label 1: TP=2 (pos 0, 4), predicted 3, gold 3 -> P = R = 2/3 -> F1 = 2/3
        var prf = ClassificationMetrics.ForLabel(Gold, Predicted, 1);
        Assert.That((prf.TruePositives, prf.Predicted, prf.Gold), Is.EqualTo((2, 3, 3)));
        Assert.That(ClassificationMetrics.BinaryF1(Gold, Predicted, 1), Is.EqualTo(2.0 / 3).Within(1e-12));
        // label 0: TP=1, predicted 2, gold 2 -> F1 = 1/2
        Assert.That(ClassificationMetrics.BinaryF1(Gold, Predicted, 0), Is.EqualTo(0.5).Within(1e-12));
    }

    [Test]
    public void F1_is_zero_when_the_positive_label_is_never_predicted()
    {
        Assert.That(ClassificationMetrics.BinaryF1([1, 1, 0], [0, 0, 0], 1), Is.EqualTo(0));
    }

    [Test]
    public void Macro_f1_averages_labels_and_micro_f1_equals_accuracy()
    {
        // per-label F1: 1 -> 2/3, 0 -> 1/2; macro = 7/12
        Assert.That(ClassificationMetrics.MacroF1(Gold, Predicted), Is.EqualTo(7.0 / 12).Within(1e-12));
        Assert.That(ClassificationMetrics.MicroF1(Gold, Predicted), Is.EqualTo(0.6).Within(1e-12));
    }

    [Test]
    public void Matthews_matches_sklearn_documented_example()
    {
        // sklearn's matthews_corrcoef docstring: y_true [+1,+1,+1,-1], y_pred [+1,-1,+1,+1] -> -0.33...
        // TP=2 FN=1 FP=1 TN=0: (2*0 - 1*1) / sqrt(3*3*1*1) = -1/3
        Assert.That(ClassificationMetrics.MatthewsCorrelation([1, 1, 1, -1], [1, -1, 1, 1]), Is.EqualTo(-1.0 / 3).Within(1e-12));
    }

    [Test]
    public void Matthews_is_one_for_perfect_and_zero_for_constant_prediction()
    {
        Assert.That(ClassificationMetrics.MatthewsCorrelation([0, 1, 0, 1], [0, 1, 0, 1]), Is.EqualTo(1).Within(1e-12));
        // constant prediction: s^2 - sum p_k^2 = 16 - 16 = 0 -> sklearn returns 0
        Assert.That(ClassificationMetrics.MatthewsCorrelation([0, 1, 0, 1], [1, 1, 1, 1]), Is.EqualTo(0));
    }

    [Test]
    public void Matthews_multiclass_uses_the_covariance_formula()
    {
        // gold [0,1,2,0], pred [0,2,2,0]: c=3, s=4, t=(2,1,1), p=(2,0,2)
        // cov_tp = 3*4 - (2*2 + 1*0 + 1*2) = 6; cov_pp = 16 - 8 = 8; cov_tt = 16 - 6 = 10 -> 6/sqrt(80)
        Assert.That(ClassificationMetrics.MatthewsCorrelation([0, 1, 2, 0], [0, 2, 2, 0]),
            Is.EqualTo(6 / Math.Sqrt(80)).Within(1e-12));
    }

    [Test]
    public void Length_mismatch_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Accuracy([1, 2], [1]));
    }
}
