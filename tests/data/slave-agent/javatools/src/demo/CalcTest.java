package demo;

import static org.junit.Assert.assertEquals;

import org.junit.Ignore;
import org.junit.Test;

public class CalcTest {
    @Test public void adds() { assertEquals(3, 1 + 2); }
    @Test public void subtracts() { assertEquals("difference", 2, 3 - 2); }
    @Test public void explodes() { throw new IllegalStateException("boom"); }
    @Ignore @Test public void later() { }
}
