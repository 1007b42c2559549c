"""Regenerates src/Web/Resources/SharedResource.resx (English) from the texts the code passes to
T["..."], localizer["..."] and ErrorMessage/Name attributes. Run after adding interface text:
    python3 scripts/update-resources.py
LocalisationTests fails when a text is missing from the file. Translations go in
SharedResource.<culture>.resx files beside it, with the same keys."""
import re, os, sys, html
here = os.path.dirname(os.path.abspath(__file__))
root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', 'src', 'Web')
target = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, 'Resources', 'SharedResource.resx')
pat = re.compile(r'(?:\bT|localizer)\[\s*"((?:[^"\\]|\\.)*)"')
pat2 = re.compile(r'(?:ErrorMessage|Name)\s*=\s*"((?:[^"\\]|\\.)*)"')
keys = set()
for dp, dn, fn in os.walk(root):
    if '/bin' in dp or '/obj' in dp: continue
    for f in fn:
        if f.endswith(('.cs', '.cshtml')):
            s = open(os.path.join(dp, f), encoding='utf-8').read()
            for m in pat.finditer(s): keys.add(m.group(1).replace('\\"', '"'))
            for m in pat2.finditer(s): keys.add(m.group(1).replace('\\"', '"'))
# role names are shown through T[role]
keys |= {"Learner", "Trainer", "Coordinator", "Admin"}
# language names are shown through T[culture.EnglishName]
keys |= {"English", "French", "Spanish", "Arabic"}
out = ['<?xml version="1.0" encoding="utf-8"?>', '<root>',
 '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>',
 '  <resheader name="version"><value>2.0</value></resheader>',
 '  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>',
 '  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>']
for k in sorted(keys, key=str.lower):
    e = html.escape(k, quote=True)
    out.append(f'  <data name="{e}" xml:space="preserve"><value>{html.escape(k, quote=False)}</value></data>')
out.append('</root>')
open(target, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
print(len(keys), "keys")
