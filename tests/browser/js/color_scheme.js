// Das Farbschema, das mkdocs-material gewählt hat ("default" hell, "slate" dunkel).
() => document.body.getAttribute("data-md-color-scheme")
