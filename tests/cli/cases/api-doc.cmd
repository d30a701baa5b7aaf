# docs/api.yaml describes exactly the routes the server answers: the same
# methods and paths, no more, no fewer.
doc=$IN/../../../docs/api.yaml
awk '/^paths:/ {p = 1; next} p && /^  \/[^ ]*:$/ {path = $1; sub(":$", "", path); next}
     p && /^    (get|post|put|patch|delete):/ {m = $1; sub(":$", "", m); print toupper(m), path}' \
	"$doc" | sort > documented.txt
$GT serve --routes | sort > served.txt
diff documented.txt served.txt && echo "docs/api.yaml matches the $(wc -l < served.txt) routes served"
