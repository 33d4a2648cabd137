using NUnit.Framework;

namespace Demo
{
    [TestFixture]
    public class CalcTest
    {
        [Test] public void Adds() { Assert.AreEqual(3, 1 + 2); }
        [Test] public void Subtracts() { Assert.AreEqual(2, 3 - 2, "difference"); }
        [Test, Ignore("later")] public void Later() { }
    }
}
