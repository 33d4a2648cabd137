<?php
class Calc
{
    public function add($a, $b)
    {
        return $a + $b;
    }

    public function sub($a, $b)
    {
        if ($a > 100) {
            return 0;
        }
        return $a - $b;
    }
}
