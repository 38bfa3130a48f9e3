"""The print stage: the whole report as one print HTML document, and the PDF made from it.

`document` puts the chapters in the order and numbering of a signed LKjIP, `blocks` and
`tables` render tables, lists, signatures and charts for paper, `pdf` lays the document out
and writes the PDF, `pagination` takes a second look at the laid-out pages, and `engine` is
the one module that imports WeasyPrint (only `pdf` uses it, and only when a PDF is made).
Modules here are imported by their own names (`lkjip.print.pdf`), never the package as
`print`, which would hide the builtin.
"""
