"""What trainers need beside the reading pages: permanent links, QR codes, handouts, open data.

Everything here renders from the checked model into extra files of the generated tree;
nothing here imports MkDocs.
"""
