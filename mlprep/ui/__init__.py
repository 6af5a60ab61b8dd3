"""The rendering layer: the only package that imports Rich or prints."""
