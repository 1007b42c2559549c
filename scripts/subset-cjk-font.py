"""Makes src/Assessment/Certificates/Fonts/NotoSansSC-Subset.otf from Debian's fonts-noto-cjk.
Needs: apt-get install fonts-noto-cjk python3-fonttools; run with /usr/bin/python3."""
import os
from fontTools.ttLib import TTCollection
from fontTools import subset

here = os.path.dirname(os.path.abspath(__file__))
font = TTCollection('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc').fonts[2]  # Noto Sans CJK SC
chars = set()
for hi in range(0xB0, 0xF8):  # GB2312 hanzi rows
    for lo in range(0xA1, 0xFF):
        try: chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError: pass
for hi in range(0xA4, 0xC7):  # Big5 level 1: frequently used traditional hanzi
    for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
        try: chars.add(bytes([hi, lo]).decode('big5'))
        except UnicodeDecodeError: pass
unicodes = sorted({ord(c) for c in chars if len(c) == 1} | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFF60)))
options = subset.Options()
options.layout_features = []
options.name_IDs = ['*']
options.hinting = False
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=unicodes)
subsetter.subset(font)
font.save(os.path.join(here, '..', 'src', 'Assessment', 'Certificates', 'Fonts', 'NotoSansSC-Subset.otf'))
print(len(unicodes), 'characters')
