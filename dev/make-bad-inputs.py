#!/usr/bin/env python3
"""Writes the bad-input corpus (jobs/src/test/resources/bad-inputs/) from the seed reports.

Each file is a seed cut, re-encoded or altered the way reports go wrong in practice; what each
one exercises and what must become of it is in bad-inputs/EXPECTED.tsv, written by hand.
Cases git cannot hold or that would make the folder big (the 50 MB file, unreadable files,
links, pipes, sockets, names with a colon or a backslash) are made by BadInputCorpusIT at run
time. Run from the repository root: python3 dev/make-bad-inputs.py
"""

import io
import struct
import zipfile
import zlib
from pathlib import Path

SEEDS = Path("data/reports")
OUT = Path("jobs/src/test/resources/bad-inputs")


def seed(n):
    name = sorted(p.name for p in SEEDS.glob("%03d_*.txt" % n))[0]
    return (SEEDS / name).read_text(encoding="utf-8")


S000, S001, S002, S003, S004 = (seed(i) for i in range(5))
L001 = S001.split("\n")  # L001[i] is line i + 1


def lines001(first, last):
    return "\n".join(L001[first - 1:last]) + "\n"


def write(name, data):
    path = OUT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def png():
    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    raw = b"".join(b"\0" + bytes([(x * 7 + y * 3) % 256 for x in range(16)]) for y in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def pdf():
    jpeg = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
            + bytes(range(256)) + b"\xff\xd9")
    return (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /XObject /Subtype /Image "
            b"/Filter /DCTDecode /Length " + str(len(jpeg)).encode() + b" >>\nstream\n"
            + jpeg + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def docx():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        stamp = (2024, 5, 1, 0, 0, 0)  # fixed, so the bytes are the same on every run
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", stamp),
                   '<?xml version="1.0"?><Types/>')
        z.writestr(zipfile.ZipInfo("word/document.xml", stamp), '<?xml version="1.0" encoding="UTF-8"?><w:document>'
                   "<w:body><w:p><w:r><w:t>" + L001[2] + "</w:t></w:r></w:p></w:body>"
                   "</w:document>")
    return buf.getvalue()


def cp1252_mojibake(text):
    """UTF-8 bytes read as Windows-1252 (undefined bytes kept as C1 controls), saved as UTF-8."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def html():
    rows = []
    for line in L001[97:116]:
        cells = "".join("\t\t\t\t<td>%s</td>\n" % c for c in line.split("\t"))
        rows.append("\t\t\t<tr>\n%s\t\t\t</tr>\n" % cells)
    prose = "".join("\t\t<p>%s</p>\n" % l for l in L001[2:60] if l.strip())
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n\t<meta charset="utf-8">\n'
            "\t<title>%s</title>\n</head>\n<body>\n%s\t\t<h2>%s</h2>\n\t\t<table border=\"1\">\n"
            "%s\t\t</table>\n</body>\n</html>\n" % (L001[2], prose, L001[95], "".join(rows)))


def fullwidth(text):
    table = {ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789.%,"}
    return text.translate(table)


def main():
    write("empty.txt", b"")
    write("empty (2).txt", b"")
    write("whitespace-only.txt", "\n  \t\n\u3000\u3000\r\n\n")
    write("image-png-renamed.txt", png())
    write("scan-pdf-renamed.txt", pdf())
    write("word-docx-renamed.txt", docx())
    write("utf16le-no-bom.txt", lines001(96, 117).encode("utf-16-le"))
    write("bom-then-gbk.txt", b"\xef\xbb\xbf" + S001.encode("gbk"))
    write("control-separated-export.txt",
          (L001[95] + "\n" + lines001(98, 117).replace("\t", "\x01")).encode("utf-8"))
    write("cp1252-mojibake.txt", cp1252_mojibake(S001))
    write("gbk-read-as-utf8.txt", S001.encode("gbk").decode("utf-8", errors="replace"))
    few = L001[:]
    few[12] = few[12].replace("党和国家", "党和\ufffd\ufffd", 1)
    few[14] = few[14].replace("统一执法", "统一\ufffd法", 1)
    write("few-replacement-characters.txt", "\n".join(few))
    write("gbk-encoded.txt", S001.encode("gbk"))
    write("utf16be-bom.txt", b"\xfe\xff" + S001.encode("utf-16-be"))
    write("utf8-bom-crlf.txt", b"\xef\xbb\xbf" + S001.replace("\n", "\r\n").encode("utf-8"))
    write("classic-mac-cr.txt", S001.replace("\n", "\r"))
    write("mixed-utf8-gbk.txt", lines001(1, 95).encode("utf-8")
          + "\n".join(L001[95:]).encode("gbk"))
    b001 = S001.encode("utf-8")
    at = b001.index("无缝隙执".encode("utf-8")) + 4  # inside 缝 (3 bytes), line 110
    write("truncated-mid-character.txt", b001[:at])
    write("truncated-mid-table-tab-rows.txt", lines001(1, 113))
    write("truncated-mid-table-cell-lines.txt", "\n".join(S004.split("\n")[:290]) + "\n")
    write("zero-filled-tail.txt", S003.encode("utf-8")[:32768] + b"\0" * 4096)
    write("no-year-anywhere.txt", S002.replace("2021年度", "本年度").replace("2021年", "本年"))
    write("year-only-in-prose.txt", S001.replace("2021 年度部门", "部门")
          .replace("2021年度部门", "部门"))
    write("notice-not-a-report.txt", "关于召开城市管理工作会议的通知\n各科室、大队：\n"
          "定于下周三上午九时在三楼会议室召开工作会议，请各单位主要负责人准时参加。\n特此通知。\n")
    wide = L001[:]
    for i in range(106, 111):  # lines 107-111: two cells beyond the header's nine
        wide[i] = wide[i] + "\t见附表3\t已整改"
    write("more-cells-than-headers.txt", "\n".join(wide))
    odd = L001[:]
    odd[99] = "\t合计\t1,064.54\t1,112.67\t1,2,3\t10\t100%\t10\t"
    odd[107] = odd[107].replace("\t5\t5\t", "\t5\t4,5\t")
    write("numbers-grouped-and-decimal-comma.txt", "\n".join(odd))
    full = L001[:]
    for i in range(95, 117):
        full[i] = fullwidth(full[i])
    write("fullwidth-digits.txt", "\n".join(full))
    write("html-saved-as-txt.txt", html())
    write("name with spaces.txt", S001)
    write("株洲 芦淞区（2021年度）自评报告.txt", S002)
    write("100%_report#1 [copy].txt", S000)
    write("nested/2024/岳阳 市/站场执法大队.txt", S003)
    write("same-content-a.txt", S004)
    write("same-content-b (copy).txt", S004)
    pii = L001[:]
    pii[12] = pii[12] + "（联络邮箱 wangjg@example.com，身份证号430102198805061234）"
    pii.insert(118, "单位负责人签字：张伟    填表人：王建国  联系电话：0731-22334455  "
               "手机：13987654321")
    write("personal-data.txt", "\n".join(pii))
    hard = L001[:]
    hard[12] = hard[12] + ("（经办人阿卜杜热合曼，联系人 买买提·艾力 ，填报人：赵 六，手机 +86 139\u200b0013 9001，"
                           "座机 0731-84567892，身份证 430102 19880506 123X，"
                           "身份证号４３０１０２１９８８０５０６５６７８，卡号 6222 0212 3456 7894，"
                           "邮箱 zhao.liu＠example.com 或 qian(at)example.org）")
    hard.insert(118, "经办人 孙 七    签字：周八  联系电话：(0731) 8456-7893")
    write("personal-data-disguised.txt", "\n".join(hard))
    hidden = L001[:]
    hidden[98] = hidden[98].replace("年初预算数", "年\u200b初预算数").replace("全年执行数", "全年\u2060执行数")
    hidden[99] = hidden[99].replace("\t1064.54\t", "\t1064\u200b.54\t")
    write("zero-width-in-header-and-amount.txt", "\n".join(hidden))
    huge = L001[:]
    huge[99] = huge[99].replace("\t1064.54\t", "\t99999999999999999.999999\t")
    write("amount-beyond-decimal-22-6.txt", "\n".join(huge))
    absurd = L001[:]
    absurd[99] = "\t合计\t1064.54\t1112.67\t-1112.67\t10\t10000%\t10\t"
    write("negative-spend-and-10000-percent-rate.txt", "\n".join(absurd))
    write("year-2999.txt", S001.replace("2021", "2999"))
    two = L001[:]
    two[54] = two[54].replace("预算收入 1112.67", "预算收入 1212.67")
    two[56] = two[56].replace("年支出 1112.67", "年支出 1012.67")
    write("prose-contradicts-two-figures.txt", "\n".join(two))
    write("table-only-no-title.txt", lines001(98, 117))
    write("empty-template.txt", "2022年度项目支出绩效自评表\n"
          "项目名称\t/\t\t\t\t\t\t\n"
          "主管部门\t\t\t\t实施单位\t\t\t\n"
          "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
          "\t年度资金总额\t\t\t\t10\t\t\n"
          "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
          "\t产出指标\t数量指标\t\t\t\t\t\t\n"
          "\t效益指标\t社会效益指标\t\t\t\t\t\t\n"
          "总分\t\t\t\t\t\t100\t\t\n")


if __name__ == "__main__":
    main()
