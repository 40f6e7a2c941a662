"""The site's core: data loading and validation, locale formatting, the salary model, and the rendering of every
marker, table, page head and post-build file. It never imports mkdocs or material: `amkam_mkdocs` is the one thin
adapter that calls it from a MkDocs build, and a test renders every page's markers with mkdocs unimportable.
"""
