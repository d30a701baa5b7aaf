$GT size
