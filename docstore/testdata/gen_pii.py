# Generates the personal-data texts and the near-miss decoys of fixtures/ (all
# numbers are synthetic; check digits computed here). Run: python3 gen_pii.py
import gzip, os

def nir(s):
    t = s.replace('2A', '19').replace('2B', '18')
    return s + '%02d' % (97 - int(t) % 97)

def luhn(p):
    for d in '0123456789':
        s = p + d
        tot = 0
        for i, c in enumerate(reversed(s)):
            n = int(c) * (2 if i % 2 else 1)
            tot += n - 9 if n > 9 else n
        if tot % 10 == 0:
            return s

def spi(s):
    return s + '%03d' % (int(s) % 511)

def mrzc(s):
    v = lambda c: int(c) if c.isdigit() else (ord(c) - 55 if c.isalpha() else 0)
    return str(sum(v(c) * (7, 3, 1)[i % 3] for i, c in enumerate(s)) % 10)

def grp(s, sizes):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n]); i += n
    return out

def td3(doc, nat, dob, sex, exp, surname, given):
    l1 = ('P<' + nat + surname + '<<' + given).ljust(44, '<')[:44]
    pn = '<' * 14
    l2 = doc + mrzc(doc) + nat + dob + mrzc(dob) + sex + exp + mrzc(exp) + pn + mrzc(pn)
    comp = l2[0:10] + l2[13:20] + l2[21:43]
    return l1 + '\n' + l2 + mrzc(comp)

def td1(doc, dob, sex, exp, nat, surname, given):
    l1 = ('IDFRA' + doc + mrzc(doc)).ljust(30, '<')
    l2 = dob + mrzc(dob) + sex + exp + mrzc(exp) + nat + '<' * 11
    comp = l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]
    l2 += mrzc(comp)
    l3 = (surname + '<<' + given).ljust(30, '<')[:30]
    return '\n'.join([l1, l2, l3])

def oldfr(surname, office, num, given, dob, sex):
    l1 = ('IDFRA' + surname).ljust(30, '<') + office
    l2 = num + mrzc(num) + given.ljust(14, '<')[:14] + dob + mrzc(dob) + sex
    return l1 + '\n' + l2 + mrzc(l1 + l2)

NIR = nir('1850578006084')
NIRC = nir('29012' + '2A' + '004123')
CARD = luhn('497010123456789')
MC = luhn('513012345678901')
SPIN = spi('0123456789')
IBAN = 'FR76 3000 6000 0112 3456 7890 189'

d = 'fixtures'
os.makedirs(d, exist_ok=True)

def write(name, text, enc='utf-8'):
    with open(os.path.join(d, name), 'wb') as f:
        f.write(text.encode(enc) if isinstance(text, str) else text)

nir_sp = ' '.join(grp(NIR, (1, 2, 2, 2, 3, 3, 2)))
write('pii-bulletin-paie.txt', f"""BULLETIN DE PAIE - Octobre 2024
Employeur : Boulangerie du Coin SARL, SIRET 362 521 879 00034
Salarié : Jean Martin
N° de sécurité sociale : {nir_sp}
Emploi : vendeur  Coefficient 160
Salaire de base  1 766,92 €
Net à payer      1 402,18 €
Virement sur le compte IBAN : {IBAN}
""")
write('pii-avis-impot.txt', f"""AVIS D'IMPÔT 2024 SUR LES REVENUS 2023
Numéro fiscal : {' '.join(grp(SPIN, (2, 2, 3, 3, 3)))}
Référence de l'avis : 24 75 A123456 78
Revenu fiscal de référence : 23 456 €
""")
NBSP = '\u00a0'
write('pii-carte.txt', f"""Paiement accepté
Carte : {' '.join(grp(CARD, (4, 4, 4, 4)))}  exp 09/27
Autre carte{NBSP}: {NBSP.join(grp(MC, (4, 4, 4, 4)))}
""")
write('pii-nir-corse.txt', f"Assuré : Marie Santoni, n° {' '.join(grp(NIRC, (1, 2, 2, 2, 3, 3, 2)))}\n")
write('pii-passeport.txt', "Copie du passeport\n" + td3('12AB34567', 'FRA', '850512', 'M', '300101', 'MARTIN', 'JEAN<PIERRE') + "\n")
write('pii-cni-2021.txt', "Carte nationale d'identité\n" + td1('X4RTBPFW4', '900214', 'F', '310213', 'FRA', 'DUPONT', 'CLAIRE<ANNE') + "\n")
write('pii-cni-ancienne.txt', "CNI\n" + oldfr('DOUEL', '932013', '050693202043', 'CHRISTIANE<<NI', '290620', 'F') + "\n")
write('pii-utf16.txt', '\ufeff' + f"Numéro de sécurité sociale : {NIR}\n", 'utf-16-le')
with gzip.GzipFile(os.path.join(d, 'pii-releve.txt.gz'), 'wb', mtime=0) as f:
    f.write(f"Relevé d'identité bancaire\nIBAN {IBAN}\nBIC SOGEFRPP\n".encode())

# near misses: nothing here is personal data
bad_nir = NIR[:-2] + '%02d' % ((int(NIR[-2:]) + 1) % 97)
siret = luhn('3625218790003')
imei = luhn('35391805123456')
order = luhn('401288888888188')
write('decoy-quasi.txt', f"""Facture n° 2024-10-118
Client : SARL Les Tilleuls, SIRET : {siret}
SIREN 362 521 879
IMEI du téléphone : {imei}
Numéro de commande : {' '.join(grp(order, (4, 4, 4, 4)))}
Suivi colis : 6A12345678901
PDL : 09876543210987
N° sécu (erroné) : {' '.join(grp(bad_nir, (1, 2, 2, 2, 3, 3, 2)))}
Numéro fiscal (erroné) : 0123456789 212
IBAN (erroné) : FR76 3000 6000 0112 3456 7890 188
Carte test : 1111 1111 1111 1111, 0000 0000 0000 0000
Téléphone : 01 23 45 67 89
""")
write('plain-note.txt', "Liste de courses : pain, lait, 12 œufs, 1,5 kg de pommes.\nRendez-vous le 12/03 à 14 h.\n")
print(NIR, NIRC, CARD, MC, SPIN, bad_nir, siret, imei, order)

# a small PDF whose page shows a payslip line with the NIR (qpdf rewrites it with a
# correct xref table in make-fixtures.sh)
content = f"BT /F1 11 Tf 72 720 Td (Bulletin de paie) Tj 0 -16 Td [(N\\260 s\\351curit\\351 sociale : {nir_sp[:7]}) -120 ({nir_sp[7:]})] TJ ET".encode('latin-1')
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
]
pdf = bytearray(b"%PDF-1.4\n")
offs = []
for i, o in enumerate(objs, 1):
    offs.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs:
    pdf += b"%010d 00000 n \n" % o
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
write('plain-text.pdf', bytes(pdf))

# a minimal docx whose NIR is split across runs, as Word does
import zipfile
doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
       '<w:p><w:r><w:t>Attestation de droits</w:t></w:r></w:p>'
       f'<w:p><w:r><w:t xml:space="preserve">Numéro de sécurité sociale : {nir_sp[:4]}</w:t></w:r>'
       f'<w:r><w:rPr><w:b/></w:rPr><w:t>{nir_sp[4:]}</w:t></w:r></w:p>'
       '</w:body></w:document>')
with zipfile.ZipFile(os.path.join(d, 'plain-docx.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
    for name, data in [
        ('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        ('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
        ('word/document.xml', doc),
    ]:
        zi = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, data)

# an e-mail with the payslip PDF attached (base64) and a quoted-printable body
from email.message import EmailMessage
msg = EmailMessage()
msg['From'] = 'rh@example.org'
msg['To'] = 'jean.martin@example.org'
msg['Subject'] = 'Votre bulletin de paie'
msg.set_content('Bonjour,\nVeuillez trouver ci-joint votre bulletin de paie d\'octobre.\nCordialement,\nLe service RH\n', cte='quoted-printable')
with open(os.path.join(d, 'plain-text.pdf'), 'rb') as f:
    msg.add_attachment(f.read(), maintype='application', subtype='pdf', filename='bulletin.pdf')
write('pii-mail-attachment.eml', bytes(msg))
