# A bad scenario stops plan before it writes anything.
$GT plan --scenario $IN/bad-unknown-key.yaml --out out
rc=$?
test -e out && echo "out was created"
exit $rc
