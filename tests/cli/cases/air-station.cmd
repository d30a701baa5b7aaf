$GT air --aircraft F-16C --base Rzeszów --at Kyiv
