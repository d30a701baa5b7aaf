$GT frobnicate
