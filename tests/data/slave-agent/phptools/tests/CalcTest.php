<?php
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/../src/Calc.php';

class CalcTest extends TestCase
{
    public function testAdd()
    {
        $this->assertSame(3, (new Calc())->add(1, 2));
    }

    public function testSub()
    {
        $this->assertSame(2, (new Calc())->sub(3, 2), 'difference');
    }
}
