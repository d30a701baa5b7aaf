# plan --runs takes a whole number from 1: anything else is refused before any work.
$GT plan --runs 0 --out out; echo "exit $?"
$GT plan --runs many --out out; echo "exit $?"
test -e out && echo "out was created" || true
