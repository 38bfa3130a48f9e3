"""The kinds of office a report may be of: the command line offers them before any subject is loaded."""

JENIS_INSTANSI = ("kecamatan", "kelurahan", "dinas", "badan", "kantor", "sekretariat", "inspektorat", "lainnya")
