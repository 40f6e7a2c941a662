"""The site's build code as a package (data-file validation: amkam.validation)."""
