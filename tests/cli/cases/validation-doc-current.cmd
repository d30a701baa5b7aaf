# docs/validation.md shows the table `guarantor validate --format md` prints
# today: regenerate it (see the doc) whenever this fails.
doc=$IN/../../../docs/validation.md
sed -n '/^## Results$/,/^## Reading the table$/p' "$doc" | sed '1,2d;$d' | sed '$d' > doc.md
$GT validate --format md > now.md
diff doc.md now.md && echo "docs/validation.md is current"
