"""Invented but realistic content for memos and newsletters (no real records)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from pipeline.thai.dates import DATE_STYLES, format_date
from pipeline.thai.digits import to_thai_digits

MINISTRIES = {
    "มท": "กระทรวงมหาดไทย",
    "สธ": "กระทรวงสาธารณสุข",
    "ศธ": "กระทรวงศึกษาธิการ",
    "กค": "กระทรวงการคลัง",
    "พณ": "กระทรวงพาณิชย์",
    "อก": "กระทรวงอุตสาหกรรม",
    "กษ": "กระทรวงเกษตรและสหกรณ์",
    "รง": "กระทรวงแรงงาน",
    "ทส": "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    "คค": "กระทรวงคมนาคม",
    "นร": "สำนักนายกรัฐมนตรี",
    "กห": "กระทรวงกลาโหม",
    "ยธ": "กระทรวงยุติธรรม",
    "พม": "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์",
    "ดศ": "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
    "วธ": "กระทรวงวัฒนธรรม",
    "กก": "กระทรวงการท่องเที่ยวและกีฬา",
    "พน": "กระทรวงพลังงาน",
    "อว": "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม",
    "กต": "กระทรวงการต่างประเทศ",
}
UNITS = [
    "กองแผนงาน",
    "กองคลัง",
    "กองการเจ้าหน้าที่",
    "สำนักงานเลขานุการกรม",
    "กลุ่มงานบริหารทั่วไป",
    "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร",
    "กองยุทธศาสตร์และแผนงาน",
    "สำนักบริหารกลาง",
    "กลุ่มพัฒนาระบบบริหาร",
    "กองกฎหมาย",
    "สำนักตรวจสอบภายใน",
    "กองพัสดุ",
    "กลุ่มงานประชาสัมพันธ์",
    "สำนักงานปลัดกระทรวง",
]
DEPARTMENTS = [
    "กรมการปกครอง",
    "กรมควบคุมโรค",
    "กรมบัญชีกลาง",
    "กรมการค้าภายใน",
    "กรมโรงงานอุตสาหกรรม",
    "กรมส่งเสริมการเกษตร",
    "กรมการจัดหางาน",
    "กรมป่าไม้",
    "กรมทางหลวง",
    "กรมสรรพากร",
    "กรมอนามัย",
    "กรมสุขภาพจิต",
]
FIRST_NAMES = [
    "สมชาย",
    "สมศรี",
    "วิชัย",
    "สุภาพร",
    "ประเสริฐ",
    "กมลวรรณ",
    "ธนพล",
    "นภาพร",
    "อนุชา",
    "พรทิพย์",
    "สุรชัย",
    "วราภรณ์",
    "ชัยวัฒน์",
    "ปิยะนุช",
    "เกรียงไกร",
    "ศิริพร",
    "ณัฐวุฒิ",
    "จันทร์เพ็ญ",
    "ธีระ",
    "อรุณี",
    "บุญเลิศ",
    "มาลัย",
    "ปรีชา",
    "รัตนา",
    "สุวิทย์",
    "กาญจนา",
]
LAST_NAMES = [
    "ใจดี",
    "รักไทย",
    "ศรีสุข",
    "ทองคำ",
    "แก้วมณี",
    "บุญมา",
    "สุขเจริญ",
    "พึ่งบุญ",
    "วงศ์ใหญ่",
    "เพชรรัตน์",
    "จันทร์หอม",
    "ประเสริฐศักดิ์",
    "มีสุข",
    "ทรัพย์สมบูรณ์",
    "อินทรวงศ์",
    "ศักดิ์สิทธิ์",
    "นาคประเสริฐ",
    "คงมั่น",
    "เรืองศรี",
    "สายทอง",
]
TITLES = ["นาย", "นาง", "นางสาว"]
POSITIONS = [
    "ผู้อำนวยการกองแผนงาน",
    "นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ",
    "นักทรัพยากรบุคคลชำนาญการ",
    "หัวหน้ากลุ่มงานบริหารทั่วไป",
    "ผู้อำนวยการสำนักบริหารกลาง",
    "นักวิชาการคอมพิวเตอร์ชำนาญการ",
    "เจ้าพนักงานธุรการปฏิบัติงาน",
    "นิติกรชำนาญการพิเศษ",
    "ผู้อำนวยการศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร",
    "นักจัดการงานทั่วไปชำนาญการ",
]
RECIPIENTS = [
    "อธิบดี",
    "ผู้อำนวยการกอง",
    "ปลัดกระทรวง",
    "รองอธิบดี",
    "ผู้อำนวยการสำนักบริหารกลาง",
    "หัวหน้ากลุ่มงานบริหารทั่วไป",
    "ผู้ตรวจราชการกระทรวง",
    "เลขานุการกรม",
]
SUBJECTS = [
    "ขออนุมัติเดินทางไปราชการ",
    "ขอเชิญประชุมคณะทำงานพัฒนาระบบสารสนเทศ",
    "รายงานผลการดำเนินงานประจำไตรมาส",
    "ขอความอนุเคราะห์ข้อมูลเพื่อประกอบการจัดทำแผนปฏิบัติราชการ",
    "ขออนุมัติจัดซื้อวัสดุสำนักงาน",
    "แจ้งเวียนจดหมายข่าวประจำเดือน",
    "ขอส่งรายชื่อผู้เข้าร่วมอบรมหลักสูตรการบริหารงานภาครัฐ",
    "การเบิกจ่ายค่าใช้จ่ายในการเดินทางไปราชการ",
    "ขอให้ตรวจสอบและปรับปรุงข้อมูลบุคลากร",
    "ขออนุญาตใช้ห้องประชุมและอุปกรณ์โสตทัศนูปกรณ์",
    "การจัดทำคำของบประมาณรายจ่ายประจำปี",
    "ขอรับการสนับสนุนงบประมาณโครงการ",
]
BODY_OPENERS = [
    "ตามที่{unit}ได้รับมอบหมายให้ดำเนินการ{task} นั้น",
    "ด้วย{unit}มีความประสงค์จะ{task} เพื่อให้การปฏิบัติราชการเป็นไปด้วยความเรียบร้อย",
    "อ้างถึงหนังสือที่ {ref} ลงวันที่ {date} เรื่อง {subject}",
    "ตามที่ได้มีการประชุมคณะกรรมการเมื่อวันที่ {date} ที่ประชุมมีมติให้{unit}{task}",
]
TASKS = [
    "จัดทำแผนปฏิบัติราชการประจำปีงบประมาณ",
    "พัฒนาระบบงานสารบรรณอิเล็กทรอนิกส์",
    "สำรวจความต้องการฝึกอบรมของบุคลากร",
    "ตรวจสอบการใช้จ่ายงบประมาณ",
    "ปรับปรุงฐานข้อมูลทะเบียนประวัติ",
    "จัดประชุมสัมมนาเชิงปฏิบัติการ",
    "ติดตามประเมินผลการดำเนินงานตามตัวชี้วัด",
    "จัดเก็บเอกสารราชการให้เป็นระบบ",
]
BODY_SENTENCES = [
    "ในการนี้ จึงขออนุมัติให้เจ้าหน้าที่เดินทางไปราชการ ระหว่างวันที่ {date} ถึงวันที่ {date2}",
    "โดยเบิกค่าใช้จ่ายจากงบประมาณประจำปี จำนวน {amount} บาท",
    "ทั้งนี้ ได้แนบรายละเอียดโครงการและกำหนดการมาพร้อมนี้แล้ว",
    "เพื่อให้การดำเนินงานเป็นไปตามระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ",
    "จึงขอความร่วมมือส่งข้อมูลให้{unit}ภายในวันที่ {date}",
    "ผู้เข้าร่วมประชุมจำนวน {n} คน ณ ห้องประชุม {room} ชั้น {floor}",
    "หากมีข้อสงสัยโปรดติดต่อเจ้าหน้าที่ผู้รับผิดชอบ โทร. {phone}",
    "รายละเอียดปรากฏตามเอกสารแนบท้ายบันทึกนี้",
    "ซึ่งได้รับความเห็นชอบจากผู้บริหารแล้ว ตามหนังสือที่ {ref}",
]
CLOSINGS = [
    "จึงเรียนมาเพื่อโปรดพิจารณา",
    "จึงเรียนมาเพื่อโปรดพิจารณาอนุมัติ",
    "จึงเรียนมาเพื่อโปรดทราบ",
    "จึงเรียนมาเพื่อโปรดทราบและพิจารณาดำเนินการต่อไป",
]
ROUTING_NOTES = [
    "เรียน ผอ. เพื่อโปรดพิจารณา",
    "ทราบ / ดำเนินการ",
    "มอบ คุณ{first} แจ้งเวียน",
    "ทราบ มอบ กลุ่มงาน ดำเนินการ",
    "เห็นควรอนุมัติ",
    "อนุมัติ",
    "เพื่อโปรดทราบ",
    "ดำเนินการตามเสนอ",
    "แจ้งทุกกลุ่มทราบ",
]
STAMP_OFFICES = ["กองแผนงาน", "สำนักงานเลขานุการกรม", "กองคลัง", "สำนักบริหารกลาง", "กองกฎหมาย"]
ENGLISH_TERMS = [
    "Digital Government",
    "Big Data",
    "e-Document",
    "Cloud",
    "Open Data",
    "KPI",
    "Workshop",
    "Smart Office",
    "AI",
    "Data Governance",
    "e-Saraban",
    "PDPA",
    "Cyber Security",
]
NEWSLETTER_NAMES = [
    "กองแผนงาน",
    "ก้าวทันดิจิทัล",
    "สารบรรณสัมพันธ์",
    "ข่าวสารกรม",
    "รอบรั้วกระทรวง",
    "คนคุณภาพ",
    "เพื่อนข้าราชการ",
]
SECTION_HEADINGS = [
    "ความเป็นมา",
    "สาระสำคัญ",
    "การเปลี่ยนแปลงที่สำคัญ",
    "ข่าวกิจกรรม",
    "แนวทางปฏิบัติ",
    "สรุปผลการประชุม",
    "เกร็ดความรู้",
    "ประชาสัมพันธ์",
]
NEWS_SENTENCES = [
    "หน่วยงานได้นำระบบ {en} มาใช้ในการปฏิบัติงานเพื่อเพิ่มประสิทธิภาพ",
    "การประชุมครั้งนี้มีผู้เข้าร่วมจำนวน {n} คน จากทุกส่วนราชการ",
    'ผู้บริหารกล่าวว่า "การเปลี่ยนแปลงต้องเริ่มจากตัวเราเอง"',
    "ขอเชิญชวนบุคลากรทุกท่านร่วมกิจกรรม {en} ในวันที่ {date}",
    "ระเบียบฉบับใหม่มีผลใช้บังคับตั้งแต่วันที่ {date} เป็นต้นไป",
    "ทั้งนี้ สามารถสอบถามรายละเอียดเพิ่มเติมได้ที่ โทร. {phone}",
    "โครงการได้รับงบประมาณจำนวน {amount} บาท สำหรับปีงบประมาณ {year}",
    "เจ้าหน้าที่ได้เข้ารับการอบรมหลักสูตร {en} เพื่อพัฒนาทักษะ",
]
TABLE_ROWS = [
    ("อัตราค่าเบี้ยเลี้ยงวันละ {a} บาท", "อัตราค่าเบี้ยเลี้ยงวันละ {b} บาท"),
    ("ส่งหนังสือเป็นกระดาษทุกฉบับ", "ส่งหนังสือผ่านระบบ e-Saraban"),
    ("ขออนุมัติล่วงหน้า {a} วัน", "ขออนุมัติล่วงหน้า {b} วัน"),
    ("ค่าเช่าที่พักไม่เกิน {a} บาท", "ค่าเช่าที่พักไม่เกิน {b} บาท ต่อคืน"),
    ("รายงานผลทุกไตรมาส", "รายงานผลทุกเดือนผ่านระบบ Dashboard"),
    ("ใช้แบบฟอร์มเดิม", "ใช้แบบฟอร์มใหม่ตามที่กำหนดในภาคผนวก"),
    ("ผู้มีอำนาจอนุมัติคืออธิบดี", "ผู้มีอำนาจอนุมัติคือผู้อำนวยการกอง"),
]


@dataclass
class Person:
    title: str
    first: str
    last: str
    position: str

    @property
    def name(self) -> str:
        return f"{self.title}{self.first} {self.last}"


@dataclass
class MemoContent:
    ministry_code: str
    agency: str
    phone_text: str
    phone: str
    reference_text: str
    reference: str
    date: dt.date
    date_text: str
    subject: str
    to_lines: list[str]
    paragraphs: list[str]
    signer: Person
    stamp_number: str
    stamp_date: dt.date
    stamp_date_text: str
    stamp_time_text: str
    stamp_time: str
    stamp_office: str
    notes: list[str] = field(default_factory=list)
    approvers: list[Person] = field(default_factory=list)


@dataclass
class NewsletterContent:
    title: str
    issuer: str
    sections: list[tuple[str, list[str]]]
    table: list[tuple[str, str]]


class Writer:
    """Random content with one RNG, in Thai or Arabic digits as a document would be typed."""

    def __init__(self, rng: random.Random, thai_digits: bool) -> None:
        self.rng = rng
        self.thai_digits = thai_digits

    def digits(self, s: str) -> str:
        return to_thai_digits(s) if self.thai_digits else s

    def person(self) -> Person:
        r = self.rng
        return Person(
            r.choice(TITLES), r.choice(FIRST_NAMES), r.choice(LAST_NAMES), r.choice(POSITIONS)
        )

    def phone(self) -> tuple[str, str]:
        r = self.rng
        digits = "0" + "".join(str(r.randint(0, 9)) for _ in range(8))
        style = r.choice(["space", "dash", "plain4"])
        if style == "space":
            text = f"{digits[0]} {digits[1:5]} {digits[5:]}"
        elif style == "dash":
            text = f"{digits[0]}-{digits[1:5]}-{digits[5:]}"
        else:
            text = f"{digits[:2]} {digits[2:5]} {digits[5:]}"
        return self.digits(text), digits

    def date(self) -> dt.date:
        return dt.date(
            self.rng.randint(2008, 2025), self.rng.randint(1, 12), self.rng.randint(1, 28)
        )

    def date_text(self, d: dt.date, typed: bool = True) -> str:
        r = self.rng
        if typed:
            style = r.choice(["full", "full", "full", "full_be", "abbr", "abbr_space"])
            return format_date(d, style, thai_digits=self.thai_digits)
        style = r.choice(["numeric", "numeric", "abbr", "numeric_long", "abbr_nodot"])
        return format_date(
            d, style, thai_digits=r.random() < 0.2, two_digit=style != "numeric_long"
        )

    def reference(self, code: str) -> tuple[str, str]:
        r = self.rng
        office = f"{r.randint(1, 9999):04d}"
        sub = r.choice(["", "", f".{r.randint(1, 9)}"])
        letter = r.choice(["", "/ว ", "/", "/จ ", "/ว"])
        run = str(r.randint(1, 9999))
        value = f"{code} {office}{sub}{letter}{run}"
        return self.digits(value), value

    def fill(self, template: str, unit: str = "", subject: str = "", code: str = "มท") -> str:
        r = self.rng
        d = self.date()
        d2 = d + dt.timedelta(days=r.randint(1, 5))
        ref_text, _ = self.reference(code)
        phone_text, _ = self.phone()
        vals = {
            "unit": unit,
            "task": r.choice(TASKS),
            "ref": ref_text,
            "date": self.date_text(d),
            "date2": self.date_text(d2),
            "subject": subject,
            "amount": self.digits(f"{r.randint(1, 999):,}" + (",000" if r.random() < 0.5 else "")),
            "n": self.digits(str(r.randint(5, 300))),
            "room": self.digits(str(r.randint(101, 909))),
            "floor": self.digits(str(r.randint(1, 12))),
            "phone": phone_text,
            "en": r.choice(ENGLISH_TERMS),
            "year": self.digits(str(r.randint(2560, 2569))),
            "a": self.digits(str(r.randint(100, 900))),
            "b": self.digits(str(r.randint(100, 900))),
            "first": r.choice(FIRST_NAMES),
        }
        return template.format(**vals)

    def memo(self) -> MemoContent:
        r = self.rng
        code = r.choice(list(MINISTRIES))
        unit = r.choice(UNITS)
        dept = r.choice(DEPARTMENTS)
        agency = f"{unit} {dept}" if r.random() < 0.7 else unit
        phone_text, phone = self.phone()
        ref_text, ref = self.reference(code)
        d = self.date()
        subject = r.choice(SUBJECTS)
        to = r.choice(RECIPIENTS)
        to_lines = [to]
        if r.random() < 0.35:
            to_lines = [f"{to} ผ่าน {r.choice(RECIPIENTS)}", r.choice(RECIPIENTS)]
        paragraphs = []
        opener = self.fill(r.choice(BODY_OPENERS), unit=unit, subject=subject, code=code)
        paragraphs.append(opener + " " + self.fill(r.choice(BODY_SENTENCES), unit=unit, code=code))
        for _ in range(r.randint(1, 2)):
            sents = [
                self.fill(s, unit=unit, code=code)
                for s in r.sample(BODY_SENTENCES, r.randint(1, 3))
            ]
            paragraphs.append(" ".join(sents))
        paragraphs.append(r.choice(CLOSINGS))
        stamp_date = d + dt.timedelta(days=r.randint(0, 6))
        hh, mm = r.randint(8, 16), r.randint(0, 59)
        time_text = f"{hh}.{mm:02d}" + (" น." if r.random() < 0.4 else "")
        if r.random() < 0.15:
            time_text = to_thai_digits(time_text)
        notes = [self.fill(r.choice(ROUTING_NOTES)) for _ in range(r.randint(1, 3))]
        return MemoContent(
            ministry_code=code,
            agency=agency,
            phone_text=phone_text,
            phone=phone,
            reference_text=ref_text,
            reference=ref,
            date=d,
            date_text=self.date_text(d),
            subject=subject,
            to_lines=to_lines,
            paragraphs=paragraphs,
            signer=self.person(),
            stamp_number=str(r.randint(1, 9999)),
            stamp_date=stamp_date,
            stamp_date_text=self.date_text(stamp_date, typed=False),
            stamp_time_text=time_text,
            stamp_time=f"{hh:02d}:{mm:02d}",
            stamp_office=r.choice(STAMP_OFFICES),
            notes=notes,
            approvers=[self.person() for _ in range(r.randint(1, 2))],
        )

    def newsletter(self) -> NewsletterContent:
        r = self.rng
        name = r.choice(NEWSLETTER_NAMES)
        issue = self.digits(f"ฉบับที่ {r.randint(1, 24)}/{r.randint(2560, 2569)}")
        phone_text, _ = self.phone()
        issuer = f"{r.choice(UNITS)} {r.choice(DEPARTMENTS)} โทร. {phone_text}"
        sections = []
        for heading in r.sample(SECTION_HEADINGS, r.randint(3, 5)):
            paras = []
            for i in range(r.randint(1, 3)):
                sents = [self.fill(s) for s in r.sample(NEWS_SENTENCES, r.randint(2, 4))]
                text = " ".join(sents)
                if r.random() < 0.3:
                    text = self.digits(f"{i + 1}. ") + text
                paras.append(text)
            sections.append((self.digits(heading), paras))
        rows = [("เดิม", "ใหม่")] + [
            (self.fill(a), self.fill(b)) for a, b in r.sample(TABLE_ROWS, r.randint(3, 5))
        ]
        return NewsletterContent(
            title=f"จดหมายข่าว{name} {issue}", issuer=issuer, sections=sections, table=rows
        )


__all__ = ["DATE_STYLES", "MemoContent", "NewsletterContent", "Person", "Writer"]
