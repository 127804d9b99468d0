#!/usr/bin/env python3
"""Writes the fictional LinkedIn sample exports in data-samples/linkedin/.

Every person is made up ("Fake..." surnames, fake-... profile slugs, @fake.invalid e-mails). The output is
deterministic (no randomness, fixed zip timestamps), so re-running it rewrites the same bytes. After a change,
run LinkedInSamplesTest and update the counts table of data-samples/linkedin/README.md from its failure message.

    python3 scripts/make_linkedin_samples.py
"""
import csv
import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data-samples" / "linkedin"
IN = "https://www.linkedin.com/in/"

FIRST = ["Testa", "Bodo", "Cleo", "Doro", "Emil", "Fritzi", "Gunda", "Hilko", "Ines", "Jorin", "Kalle", "Lotta",
         "Mirko", "Nele", "Oswin", "Pilar", "Quirin", "Rike", "Sven", "Tilda", "Ulrik", "Vito", "Wanda", "Xaver",
         "Yuki", "Zora", "Arne", "Britt", "Carlo", "Dunja", "Eskil", "Finja", "Gero", "Hanne", "Ivon", "Janne", "Kira"]
LAST = ["Fakeberg", "Fakeson", "Fakewitz", "Fakemann", "Fakelund", "Fakeridge", "Fakestone", "Fakeworth", "Fakeley",
        "Fakehurst", "Fakebrook", "Fakeholm", "Fakestrom", "Fakowski", "Fakerton", "Fakeby", "Fakemoor", "Fakeling",
        "Fakester", "Fakeroth", "Fakevik", "Fakedahl", "Fakenko"]
OWNERS = ["Olaf", "Orla", "Otis", "Oona", "Oskar", "Ottilie", "Orson", "Olivia", "Omar", "Odile", "Osmund", "Ophira"]
TEXTS = [
    "Hi, thanks for connecting!",
    "Great to meet you at the fake conference.",
    "Shall we grab a coffee next week?",
    "Sounds good, Tuesday works for me.",
    "Here is the fake report I mentioned.\nLet me know what you think.\n\nCheers",
    "<p>Thanks for the <b>intro</b>, much appreciated!</p>",
    "Congrats on the new role \U0001F389",
    "Could you review my fake draft before Friday?",
    "Sure, sending comments tonight.",
    "Happy birthday! Hope all is well.",
    "Long time no see, how are things going?",
    "We are hiring for a fake position, interested?",
]
NOTES_LINE = ("When exporting your connection data, you may notice that some of the email addresses are missing. You"
              " will only see email addresses for connections who have allowed their connections to see or download"
              " their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can"
              " learn more here https://www.linkedin.com/help/linkedin/answer/261")
COMPANIES = ["Fake Co", "Nowhere Ltd", "Example GmbH", "Placeholder Inc", ""]
POSITIONS = ["Tester", "Fake Engineer", "Imaginary Analyst", "Sample Manager", ""]
SKILLS = ["Java", "Apache Spark", "Data Analysis", "Public Speaking", "Research"]


class Person:
    def __init__(self, first, last, url):
        self.first, self.last, self.url = first, last, url

    @property
    def name(self):
        return f"{self.first} {self.last}"

    @property
    def email(self):
        return f"{self.first.lower()}.{self.last.lower().replace(' ', '').replace(',', '')}@fake.invalid"


def contact(i):
    """Contact number i (0..850): unique names, because 37 and 23 are coprime."""
    f, l = FIRST[i % 37], LAST[i % 23]
    return Person(f, l, f"{IN}fake-{f.lower()}-{l.lower()}-{i:03d}")


def owner(k):
    return Person(OWNERS[k - 1], "Fakeowner", f"{IN}fake-owner-{k:02d}")


SHARED = [contact(800 + i) for i in range(6)]  # contacts several owners share, by URL


def at(day, minute_of_day):
    return dt.datetime.combine(day, dt.time(0, 0)) + dt.timedelta(minutes=minute_of_day)


def spread(n, start, end, seed=0):
    """n connection times spread over [start, end], each on its own day."""
    step = (end - start).days / max(n, 1)
    return [at(start + dt.timedelta(days=int(i * step)), 8 * 60 + (i * 37 + seed * 11) % 600) for i in range(n)]


def burst(day, n):
    """n connections accepted on one day ("yes to all")."""
    return [at(day, 19 * 60 + 3 * i) for i in range(n)]


class Export:
    def __init__(self, name, me):
        self.name, self.me = name, me
        self.connections = []   # (Person or None for a hidden profile, datetime, raw date override or None)
        self.messages = []      # dicts
        self.invitations = []   # (inviter, invitee, datetime, note, direction)
        self.endorsements = {"in": [], "out": []}     # (Person, datetime, skill, status)
        self.recommendations = {"in": [], "out": []}  # (Person, datetime, text, status)
        self.files = {}         # name -> bytes

    def connect(self, people, times):
        assert len(people) == len(times)
        self.connections += [(p, t, None) for p, t in zip(people, times)]

    def conversation(self, cid, others, start, n, gap_days, owner_first=True, seed=0, hours=0):
        """n messages: in a one-to-one chat the owner and the contact alternate; in a group, everyone in turn."""
        people = [self.me] + others
        for k in range(n):
            if len(others) == 1:
                sender = self.me if (k % 2 == 0) == owner_first else others[0]
            else:
                sender = people[(k + (0 if owner_first else 1)) % len(people)]
            self.messages.append(dict(cid=cid, sender=sender, to=[p for p in people if p is not sender],
                                      at=start + dt.timedelta(days=k * gap_days, hours=hours + k % 3,
                                                              minutes=(k * 13 + seed) % 60),
                                      text=TEXTS[(k + seed) % len(TEXTS)], draft=False))

    def invite(self, other, when, outgoing, note=""):
        if outgoing:
            self.invitations.append((self.me, other, when, note, "OUTGOING"))
        else:
            self.invitations.append((other, self.me, when, note, "INCOMING"))


# ---------------------------------------------------------------------------------------------- date forms
def d_2018(t):  # 1/8/18, 6:14 PM
    return f"{t.month}/{t.day}/{t.year % 100:02d}, {(t.hour % 12) or 12}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def d_rec(t):  # 12/24/23, 05:28 AM
    hour = (t.hour % 12) or 12
    return f"{t.month}/{t.day}/{t.year % 100:02d}, {hour:02d}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def d_day(t):  # 16 Dec 2024
    return t.strftime("%d %b %Y")


def d_excel(t):  # 4-Apr-21
    return f"{t.day}-{t.strftime('%b')}-{t.year % 100:02d}"


def d_utc(t):  # 2024-06-18 11:59:53 UTC
    return t.strftime("%Y-%m-%d %H:%M:%S UTC")


def d_slash_utc(t):  # 2024/12/07 14:51:07 UTC
    return t.strftime("%Y/%m/%d %H:%M:%S UTC")


def d_iso(t):  # 2019-11-06T02:08:20
    return t.strftime("%Y-%m-%dT%H:%M:%S")


def table(header, rows, newline="\n", delimiter=",", quote_all=False, preamble=False):
    buf = io.StringIO()
    if preamble:
        w = csv.writer(buf, lineterminator=newline)
        w.writerow(["Notes:"])
        w.writerow([NOTES_LINE])
        buf.write(newline)
    w = csv.writer(buf, lineterminator=newline, delimiter=delimiter,
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------- file writers
def connections_csv(e, era):
    rows = []
    for i, (p, t, raw) in enumerate(sorted(e.connections, key=lambda c: c[1], reverse=True)):
        email = p.email if p is not None and i % 4 == 0 else ""
        company, position = (COMPANIES[i % 5], POSITIONS[(i * 2) % 5]) if p else ("", "")
        if era == "excel":
            cells = [p.first, p.last, p.url, email, company, position] if p else ["", "", "", "", "", ""]
            rows.append([c if c else "NA" for c in cells] + [raw or d_excel(t)])
            continue
        date = raw if raw is not None else d_2018(t) if era == "2018" else d_day(t)
        first, last, url = (p.first, p.last, p.url) if p else ("", "", "")
        if era in ("2023",):
            rows.append([first, last, url, email, company, position, date])
        else:
            rows.append([first, last, email, company, position, date])
    if era in ("2023", "excel"):
        header = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    else:
        header = ["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"]
    newline = "\r\n" if era in ("2021", "excel") else "\n"
    e.files["Connections.csv"] = table(header, rows, newline=newline, preamble=era in ("2022", "2023"))


def messages_csv(e, era, extra=()):
    """era 2018 / 2019 (Direction), 2021 (conversation ids), 2023 (recipient URLs); extra = trailing columns."""
    rows = []
    for m in sorted(e.messages, key=lambda m: m["at"] or dt.datetime.min, reverse=True):
        sender, to = m["sender"], m["to"]
        text, subject = m["text"], m.get("subject", "")
        if era in ("2018", "2019"):
            direction = "OUTGOING" if sender is e.me else "INCOMING"
            date = m["raw_date"] if "raw_date" in m else d_2018(m["at"]) if era == "2018" else d_iso(m["at"])
            rows.append([sender.name, ", ".join(p.name for p in to), date, subject, text, direction, "INBOX"])
            continue
        date = m["raw_date"] if "raw_date" in m else d_utc(m["at"])
        sender_url = "" if m.get("sponsored") else sender.url
        row = [m["cid"], m.get("title", ""), sender.name, sender_url, ", ".join(p.name for p in to)]
        if era == "2023":
            row.append(",".join(p.url for p in to))
        row += [date, subject, text, "INBOX"]
        for col in extra:
            row.append("" if col == "ATTACHMENTS" else
                       ("Yes" if m["draft"] else "No") if col == "IS MESSAGE DRAFT" else "No")
        rows.append(row)
    if era == "2018":
        header = ["From", "To", "Date", "Subject", "Content", "Direction", "Folder"]
        name = "Messages.csv"
    elif era == "2019":
        header = ["FROM", "TO", "DATE", "SUBJECT", "CONTENT", "DIRECTION", "FOLDER"]
        name = "messages.csv"
    else:
        header = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO"]
        if era == "2023":
            header.append("RECIPIENT PROFILE URLS")
        header += ["DATE", "SUBJECT", "CONTENT", "FOLDER"] + list(extra)
        name = "messages.csv"
    e.files[name] = table(header, rows)


def invitations_csv(e, variant="plain", utf16=False):
    """variant: plain (From,To,Sent At,Message,Direction), urn (July 2023), url (late 2023+)."""
    header = ["From", "To", "Sent At", "Message", "Direction"]
    if variant == "urn":
        header += ["inviterProfileUrn", "inviteeProfileUrn"]
    elif variant == "url":
        header += ["inviterProfileUrl", "inviteeProfileUrl"]
    rows = []
    for inviter, invitee, t, note, direction in sorted(e.invitations, key=lambda i: i[2], reverse=True):
        row = [inviter.name, invitee.name, d_2018(t), note, direction]
        if variant == "urn":
            row += [f"urn:li:member:{abs(hash_slug(inviter.url))}", f"urn:li:member:{abs(hash_slug(invitee.url))}"]
        elif variant == "url":
            row += [inviter.url, invitee.url]
        rows.append(row)
    if utf16:
        text = table(header, rows, newline="\r\n", delimiter="\t", quote_all=True)
        e.files["Invitations.csv"] = b"\xff\xfe" + text.encode("utf-16-le")
    else:
        e.files["Invitations.csv"] = table(header, rows)


def hash_slug(url):
    """A stable fake member number from a URL (not Python's salted hash)."""
    n = 7
    for ch in url:
        n = (n * 131 + ord(ch)) % 1_000_000_007
    return n


def endorsements_csv(e, with_url=True):
    for direction, fname, role in (("in", "Endorsement_Received_Info.csv", "Endorser"),
                                   ("out", "Endorsement_Given_Info.csv", "Endorsee")):
        if not e.endorsements[direction]:
            continue
        header = ["Endorsement Date", "Skill Name", f"{role} First Name", f"{role} Last Name"]
        if with_url:
            header.append(f"{role} Public Url")
        header.append("Endorsement Status")
        rows = []
        for p, t, skill, status in sorted(e.endorsements[direction], key=lambda x: x[1], reverse=True):
            row = [d_slash_utc(t), skill, p.first, p.last]
            if with_url:
                row.append(p.url.replace("https://", ""))
            rows.append(row + [status])
        e.files[fname] = table(header, rows)


def recommendations_csv(e):
    for direction, fname in (("in", "Recommendations_Received.csv"), ("out", "Recommendations_Given.csv")):
        if not e.recommendations[direction]:
            continue
        rows = [[p.first, p.last, COMPANIES[i % 4], POSITIONS[i % 4], text, d_rec(t), status]
                for i, (p, t, text, status) in enumerate(e.recommendations[direction])]
        e.files[fname] = table(["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"],
                               rows)


def profile_csv(e):
    e.files["Profile.csv"] = table(
        ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary", "Industry",
         "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"],
        [[e.me.first, e.me.last, "", "1 Fake Street", "Jan 1, 1990", "Fake headline", "A made-up person.",
          "Fakery", "00000", "Nowhere", "", "", ""]])


def coach_csv(e, fname):
    e.files[fname] = table(
        ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS", "DATE",
         "SUBJECT", "CONTENT", "FOLDER"],
        [["2-coach-01", "", "LinkedIn Coach", "", e.me.name, e.me.url, "2024-05-02 10:00:00 UTC", "",
          "How can I help you with your fake job search?", "INBOX"],
         ["2-coach-01", "", e.me.name, e.me.url, "LinkedIn Coach", "", "2024-05-02 10:01:00 UTC", "",
          "Find me fake jobs.", "INBOX"]])


def write(e, zip_wrapper=None):
    data = {k: v.encode("utf-8") if isinstance(v, str) else v for k, v in e.files.items()}
    folder = OUT / e.name
    archive = OUT / f"{e.name}.zip"
    shutil.rmtree(folder, ignore_errors=True)
    archive.unlink(missing_ok=True)
    if zip_wrapper:
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for name in sorted(data):
                info = zipfile.ZipInfo(f"{zip_wrapper}/{name}", date_time=(2024, 12, 16, 9, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, data[name])
    else:
        folder.mkdir(parents=True)
        for name, b in data.items():
            (folder / name).write_bytes(b)


# ---------------------------------------------------------------------------------------------- the owners
def li01_2018():
    """2018: Connected On with a time, Messages.csv with Direction, UTF-16 LE tab-separated Invitations."""
    e = Export("li-01-2018", owner(1))
    people = [contact(i) for i in range(0, 14)]
    e.connect(people, spread(14, dt.date(2015, 2, 1), dt.date(2018, 9, 1), seed=1))
    e.conversation(None, [people[0]], at(dt.date(2018, 3, 5), 540), 4, 9)
    e.conversation(None, [people[1]], at(dt.date(2018, 5, 2), 600), 3, 20, owner_first=False, seed=3)
    e.conversation(None, [people[2], people[3]], at(dt.date(2018, 7, 1), 720), 3, 2, seed=5)
    e.conversation(None, [people[4]], at(dt.date(2018, 10, 1), 500), 2, 1, owner_first=False, seed=7)
    e.messages.append(dict(cid=None, sender=Person("LinkedIn", "Member", ""), to=[e.me],
                           at=at(dt.date(2018, 10, 16), 516), text="Exclusive fake offer just for you", draft=False))
    e.invite(people[12], at(dt.date(2018, 8, 20), 600), True, "Hi, we met at the fake meetup.")
    e.invite(people[13], at(dt.date(2018, 8, 28), 610), True)
    e.invite(people[11], at(dt.date(2018, 8, 2), 615), False)
    e.invite(contact(60), at(dt.date(2018, 10, 30), 700), False, "Would love to connect.")
    connections_csv(e, "2018")
    messages_csv(e, "2018")
    invitations_csv(e, utf16=True)
    profile_csv(e)
    return e


def li02_2019():
    """~2019: upper-case messages with ISO dates and DIRECTION; a yes-to-all day of 10."""
    e = Export("li-02-2019", owner(2))
    people = [contact(i) for i in range(20, 42)]
    e.connect(people[:12], spread(12, dt.date(2016, 1, 10), dt.date(2019, 6, 1), seed=2))
    e.connect(people[12:], burst(dt.date(2019, 3, 14), 10))
    e.conversation(None, [people[0]], at(dt.date(2019, 1, 3), 480), 5, 12)
    e.conversation(None, [people[1]], at(dt.date(2019, 2, 3), 480), 2, 3, owner_first=False, seed=4)
    e.conversation(None, [people[5], people[6], people[7]], at(dt.date(2019, 6, 3), 480), 4, 1, seed=6)
    e.conversation(None, [people[14]], at(dt.date(2019, 3, 20), 480), 1, 1, owner_first=False, seed=8)
    e.conversation(None, [people[2]], at(dt.date(2019, 11, 6), 128), 2, 30, seed=4)
    e.invite(people[3], at(dt.date(2019, 6, 1), 600), False)
    e.invite(people[4], at(dt.date(2019, 6, 2), 600), True, "Hello from the fake team!")
    connections_csv(e, "2019")
    messages_csv(e, "2019")
    invitations_csv(e)
    return e


def li03_2021():
    """2021: CRLF Connections without preamble, conversation ids but no recipient URLs (names only), a name with
    a comma, endorsements without URL column, a recommendation with a multi-line text."""
    e = Export("li-03-2021", owner(3))
    people = [contact(i) for i in range(50, 78)]
    phd = Person("Jonte", "Fakeman, PhD", f"{IN}fake-jonte-fakeman-phd")
    umlaut = Person("Jürgen", "Fakeström", f"{IN}fake-jurgen-fakestrom")
    people += [phd, umlaut]
    e.connect(people, spread(30, dt.date(2017, 4, 1), dt.date(2021, 5, 1), seed=3))
    e.conversation("2-fake-03-001", [people[0]], at(dt.date(2020, 1, 10), 540), 6, 25)
    e.conversation("2-fake-03-002", [phd, people[1], people[2]], at(dt.date(2020, 6, 1), 600), 5, 3, seed=2)
    e.conversation("2-fake-03-003", [umlaut], at(dt.date(2021, 2, 1), 600), 3, 4, owner_first=False, seed=5)
    e.conversation("2-fake-03-004", [people[3]], at(dt.date(2021, 3, 1), 600), 2, 60, seed=9)
    e.conversation("2-fake-03-005", [contact(90)], at(dt.date(2021, 4, 1), 600), 1, 1, owner_first=False, seed=11)
    e.invite(people[28], at(dt.date(2021, 4, 20), 600), True, "Great talk today.")
    e.invite(people[29], at(dt.date(2021, 4, 25), 600), False)
    e.invite(contact(91), at(dt.date(2021, 5, 2), 600), False)
    e.endorsements["in"] += [(people[0], at(dt.date(2021, 2, 2), 600), SKILLS[0], "ACCEPTED"),
                             (people[0], at(dt.date(2021, 2, 2), 601), SKILLS[1], "ACCEPTED"),
                             (phd, at(dt.date(2021, 3, 9), 700), SKILLS[2], "ACCEPTED")]
    e.recommendations["in"].append((people[0], at(dt.date(2020, 12, 24), 328),
                                    "Testa is a reliable, fake colleague.\nHighly recommended.", "VISIBLE"))
    connections_csv(e, "2021")
    messages_csv(e, "2021")
    invitations_csv(e)
    endorsements_csv(e, with_url=False)
    recommendations_csv(e)
    return e


def li04_2022():
    """2022: Notes preamble, 2021-style messages; one Connected On in an unknown format (rejected)."""
    e = Export("li-04-2022", owner(4))
    people = [contact(i) for i in range(100, 120)]
    e.connect(people, spread(20, dt.date(2018, 1, 1), dt.date(2022, 10, 1), seed=4))
    e.connections[5] = (people[5], e.connections[5][1], "31.12.2021")
    e.conversation("2-fake-04-001", [people[0]], at(dt.date(2022, 1, 10), 540), 4, 7)
    e.conversation("2-fake-04-002", [people[1]], at(dt.date(2022, 3, 10), 540), 3, 2, owner_first=False, seed=1)
    e.conversation("2-fake-04-003", [people[2], people[3], people[4], people[6]], at(dt.date(2022, 5, 1), 540), 6, 1)
    e.invite(people[19], at(dt.date(2022, 9, 30), 600), True, "Hi from the fake workshop")
    e.invite(contact(130), at(dt.date(2022, 10, 5), 600), False, "Let's connect")
    connections_csv(e, "2022")
    messages_csv(e, "2021")
    invitations_csv(e)
    return e


def li05_2023_urn():
    """Mid-2023: preamble + URL, Invitations with member URNs, messages with recipient URLs (no draft columns),
    a yes-to-all day of 12, shared contacts."""
    e = Export("li-05-2023urn", owner(5))
    people = [contact(i) for i in range(140, 166)] + SHARED[:2]
    e.connect(people[:16], spread(16, dt.date(2019, 5, 1), dt.date(2023, 6, 1), seed=5))
    e.connect(people[16:], burst(dt.date(2022, 11, 3), 12))
    e.connect([contact(170 + i) for i in range(12)], spread(12, dt.date(2020, 1, 1), dt.date(2021, 1, 1), seed=6))
    e.conversation("2-fake-05-001", [SHARED[0]], at(dt.date(2023, 1, 5), 600), 6, 14)
    e.conversation("2-fake-05-002", [people[0], people[1]], at(dt.date(2023, 2, 5), 600), 4, 1, seed=3)
    e.conversation("2-fake-05-003", [people[20]], at(dt.date(2023, 4, 5), 600), 1, 1, owner_first=False, seed=8)
    e.conversation("2-fake-05-004", [people[2]], at(dt.date(2023, 6, 5), 600), 3, 5, owner_first=False, seed=2)
    for i, p in enumerate(people[16:20]):
        e.invite(p, at(dt.date(2022, 11, 1), 600 + i), False)
    e.invite(SHARED[1], at(dt.date(2022, 11, 2), 600), True, "Hello, fellow fake person")
    e.invite(contact(200), at(dt.date(2023, 7, 2), 600), True)
    connections_csv(e, "2023")
    messages_csv(e, "2023")
    invitations_csv(e, variant="urn")
    return e


def li06_2024_full():
    """Dec 2024, everything: 60 connections (two yes-to-all days), 3 hidden profiles, drafts, group chats, HTML and
    multi-line content, a sponsored message (rejected), coach files, endorsements, recommendations."""
    e = Export("li-06-2024-full", owner(6))
    people = [contact(i) for i in range(210, 241)] + SHARED[:4]
    e.connect(people[:20], spread(20, dt.date(2016, 3, 1), dt.date(2024, 11, 1), seed=7))
    e.connect(people[20:32], burst(dt.date(2022, 5, 10), 12))
    e.connect([contact(241 + i) for i in range(15)], burst(dt.date(2023, 9, 4), 15))
    e.connect(people[32:], spread(3, dt.date(2024, 1, 1), dt.date(2024, 3, 1), seed=8))
    e.connect([contact(256 + i) for i in range(10)], spread(10, dt.date(2021, 1, 1), dt.date(2021, 12, 1), seed=9))
    e.connections += [(None, at(dt.date(2024, 12, 1), 600), None), (None, at(dt.date(2023, 2, 2), 600), None),
                      (None, at(dt.date(2020, 7, 7), 600), None)]
    e.conversation("2-fake-06-001", [people[0]], at(dt.date(2023, 1, 2), 540), 8, 20)
    e.conversation("2-fake-06-002", [people[1], people[2], SHARED[0]], at(dt.date(2023, 6, 1), 540), 7, 1, seed=1)
    e.conversation("2-fake-06-003", [people[3]], at(dt.date(2024, 2, 1), 540), 4, 10, owner_first=False, seed=4)
    e.conversation("2-fake-06-004", [people[20]], at(dt.date(2022, 5, 11), 540), 1, 1, seed=6)
    e.conversation("2-fake-06-005", [SHARED[1]], at(dt.date(2024, 6, 18), 719), 3, 1, owner_first=False, seed=5)
    e.conversation("2-fake-06-006", [people[4]], at(dt.date(2023, 3, 3), 540), 2, 200, owner_first=False, seed=10)
    e.conversation("2-fake-06-007", [people[5], people[6]], at(dt.date(2024, 9, 9), 540), 3, 2, seed=7)
    e.messages.append(dict(cid="2-fake-06-007", sender=e.me, to=[people[5], people[6]], at=None,
                           raw_date="", text="Unsent fake draft", draft=True))
    e.messages.append(dict(cid="2-fake-06-003", sender=e.me, to=[people[3]], at=at(dt.date(2024, 12, 1), 600),
                           text="Another unsent fake draft", draft=True))
    e.messages.append(dict(cid="2-fake-06-099", sender=Person("Fake Sponsor", "Corp", ""), sponsored=True,
                           to=[e.me], at=at(dt.date(2024, 4, 4), 600), text="Upgrade to Fake Premium today!",
                           subject="Special fake offer", draft=False))
    for i, p in enumerate(people[32:35]):
        e.invite(p, at(dt.date(2024, 1, 1) + dt.timedelta(days=20 * i), 590), i != 1,
                 "Hi, loved your fake talk." if i == 0 else "")
    e.invite(contact(270), at(dt.date(2024, 10, 1), 600), False, "Fake recruiter here, let's talk")
    e.invite(contact(271), at(dt.date(2024, 11, 1), 600), False)
    e.endorsements["in"] += [(people[0], at(dt.date(2024, 12, 7), 891), SKILLS[0], "ACCEPTED"),
                             (SHARED[0], at(dt.date(2024, 3, 3), 891), SKILLS[1], "ACCEPTED"),
                             (people[7], at(dt.date(2024, 3, 4), 891), SKILLS[2], "PENDING")]
    e.endorsements["out"] += [(people[0], at(dt.date(2024, 12, 8), 600), SKILLS[3], "ACCEPTED"),
                              (people[1], at(dt.date(2023, 12, 8), 600), SKILLS[4], "ACCEPTED")]
    e.recommendations["in"].append((people[0], at(dt.date(2023, 12, 24), 328),
                                    "A fake but brilliant colleague, always on time.", "VISIBLE"))
    e.recommendations["out"].append((people[3], at(dt.date(2024, 2, 20), 1000), "Solid fake work.", "VISIBLE"))
    connections_csv(e, "2023")
    messages_csv(e, "2023", extra=("ATTACHMENTS", "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"))
    invitations_csv(e, variant="url")
    endorsements_csv(e)
    recommendations_csv(e)
    coach_csv(e, "coach_messages.csv")
    coach_csv(e, "learning_coach_messages.csv")
    profile_csv(e)
    return e


def li07_2024_zip():
    """Dec 2024 as a .zip with a wrapper folder; messages end FOLDER,IS MESSAGE DRAFT,IS CONVERSATION DRAFT."""
    e = Export("li-07-2024-zip", owner(7))
    people = [contact(i) for i in range(300, 322)] + SHARED[2:5] + [owner(6)]
    e.connect(people[:16], spread(16, dt.date(2018, 2, 1), dt.date(2024, 10, 1), seed=10))
    e.connect(people[16:26], burst(dt.date(2024, 2, 29), 10))
    e.connect([contact(330 + i) for i in range(9)], spread(9, dt.date(2020, 3, 1), dt.date(2020, 9, 1), seed=11))
    e.conversation("2-fake-07-001", [owner(6)], at(dt.date(2024, 3, 1), 540), 5, 30)
    e.conversation("2-fake-07-002", [SHARED[2]], at(dt.date(2024, 4, 1), 540), 2, 3, owner_first=False, seed=2)
    e.conversation("2-fake-07-003", [people[0], people[1], people[2], people[3]], at(dt.date(2024, 5, 1), 540), 5, 1,
                   seed=3)
    e.conversation("2-fake-07-004", [people[4]], at(dt.date(2024, 7, 1), 540), 4, 25, seed=4)
    for i, p in enumerate(people[16:20]):
        e.invite(p, at(dt.date(2024, 2, 28), 600 + i), False, "Hi!" if i == 0 else "")
    e.invite(people[20], at(dt.date(2024, 2, 27), 600), True, "Following up on our fake call")
    connections_csv(e, "2023")
    messages_csv(e, "2023", extra=("IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"))
    invitations_csv(e, variant="url")
    coach_csv(e, "guide_messages.csv")
    profile_csv(e)
    return e


def li08_excel():
    """An Excel re-save of a 2024 export: CRLF, no preamble, 4-Apr-21 dates, NA cells (one hidden profile)."""
    e = Export("li-08-excel", owner(8))
    people = [contact(i) for i in range(350, 361)] + [SHARED[0]]
    e.connect(people, spread(12, dt.date(2019, 4, 4), dt.date(2024, 4, 4), seed=12))
    e.connections.append((None, at(dt.date(2021, 4, 4), 0), None))
    e.conversation("2-fake-08-001", [SHARED[0]], at(dt.date(2024, 1, 1), 540), 4, 15)
    e.conversation("2-fake-08-002", [people[0]], at(dt.date(2024, 2, 1), 540), 2, 1, owner_first=False, seed=2)
    e.invite(people[11], at(dt.date(2024, 4, 3), 600), True, "Hello!")
    connections_csv(e, "excel")
    messages_csv(e, "2023", extra=("ATTACHMENTS", "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"))
    invitations_csv(e, variant="url")
    return e


def li09_small():
    """A quiet owner: 5 connections, one chat."""
    e = Export("li-09-small", owner(9))
    people = [contact(i) for i in range(380, 384)] + [SHARED[1]]
    e.connect(people, spread(5, dt.date(2022, 1, 1), dt.date(2024, 6, 1), seed=13))
    e.conversation("2-fake-09-001", [SHARED[1]], at(dt.date(2024, 7, 1), 540), 3, 2)
    e.invite(people[3], at(dt.date(2024, 2, 1), 600), True)
    connections_csv(e, "2023")
    messages_csv(e, "2023", extra=("ATTACHMENTS", "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"))
    invitations_csv(e, variant="url")
    return e


def li10_bursty():
    """50 connections, three yes-to-all days (10, 11, 14), talks to three people, many incoming invitations."""
    e = Export("li-10-bursty", owner(10))
    people = [contact(i) for i in range(400, 446)] + SHARED[3:6] + [owner(6)]
    e.connect(people[:15], spread(15, dt.date(2017, 1, 1), dt.date(2024, 9, 1), seed=14))
    e.connect(people[15:25], burst(dt.date(2023, 1, 9), 10))
    e.connect(people[25:36], burst(dt.date(2023, 8, 21), 11))
    e.connect(people[36:50], burst(dt.date(2024, 5, 6), 14))
    e.conversation("2-fake-10-001", [SHARED[3]], at(dt.date(2023, 1, 15), 540), 4, 40)
    e.conversation("2-fake-10-002", [people[0]], at(dt.date(2024, 1, 15), 540), 2, 1, owner_first=False, seed=3)
    e.conversation("2-fake-10-003", [owner(6)], at(dt.date(2024, 5, 7), 540), 2, 1, owner_first=False, seed=6)
    e.conversation("2-fake-10-004", [people[40]], at(dt.date(2024, 5, 8), 540), 1, 1, owner_first=False, seed=11)
    for i, p in enumerate(people[36:50]):
        e.invite(p, at(dt.date(2024, 5, 1) + dt.timedelta(days=i % 5), 600 + i), False, "Hi" if i % 5 == 0 else "")
    for i in range(4):
        e.invite(contact(460 + i), at(dt.date(2024, 9, 1) + dt.timedelta(days=i), 600), False)
    connections_csv(e, "2023")
    messages_csv(e, "2023", extra=("IS MESSAGE DRAFT",))
    invitations_csv(e, variant="url")
    return e


def li11_chatty():
    """2022 preamble: talks to 15 of 18 connections, for many months; a dormant tie wakes up after 200 days."""
    e = Export("li-11-chatty", owner(11))
    people = [contact(i) for i in range(500, 518)]
    e.connect(people, spread(18, dt.date(2019, 1, 1), dt.date(2022, 1, 1), seed=15))
    for i in range(15):
        gap = 7 + (i * 11) % 40
        e.conversation(f"2-fake-11-{i:03d}", [people[i]], at(dt.date(2022, 1, 3) + dt.timedelta(days=i * 5), 480 + i),
                       3 + i % 4, gap, owner_first=i % 3 != 0, seed=i)
    e.conversation("2-fake-11-100", [people[0]], at(dt.date(2023, 2, 20), 500), 2, 1, owner_first=False, seed=3)
    e.conversation("2-fake-11-101", [people[1], people[2], people[3], people[4]], at(dt.date(2022, 9, 1), 500), 5, 1)
    e.invite(people[17], at(dt.date(2021, 12, 30), 600), True, "Nice to e-meet you")
    e.invite(people[16], at(dt.date(2021, 11, 30), 600), True)
    connections_csv(e, "2022")
    messages_csv(e, "2021")
    invitations_csv(e)
    return e


def li12_rejects():
    """2021 with deliberately bad rows: two bad dates and a missing one in Connections, a bad message date, an
    invitation with an unknown Direction."""
    e = Export("li-12-rejects", owner(12))
    people = [contact(i) for i in range(550, 560)]
    e.connect(people, spread(10, dt.date(2019, 1, 1), dt.date(2021, 1, 1), seed=16))
    e.connections[2] = (people[2], e.connections[2][1], "2020.03.12")
    e.connections[4] = (people[4], e.connections[4][1], "12/03/2020 14h")
    e.connections[6] = (people[6], e.connections[6][1], "")
    e.conversation("2-fake-12-001", [people[0]], at(dt.date(2021, 1, 5), 540), 3, 3)
    e.conversation("2-fake-12-002", [people[1]], at(dt.date(2021, 2, 5), 540), 2, 3, owner_first=False, seed=2)
    e.messages[1]["raw_date"] = "Jan 8th 2021"
    e.invite(people[9], at(dt.date(2020, 12, 20), 600), True)
    e.invitations.append((people[8], e.me, at(dt.date(2020, 12, 21), 600), "", "PENDING"))
    connections_csv(e, "2021")
    messages_csv(e, "2021")
    invitations_csv(e)
    return e


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for make in (li01_2018, li02_2019, li03_2021, li04_2022, li05_2023_urn, li06_2024_full, li08_excel, li09_small,
                 li10_bursty, li11_chatty, li12_rejects):
        write(make())
    write(li07_2024_zip(), zip_wrapper="Complete_LinkedInDataExport_12-16-2024")


if __name__ == "__main__":
    main()
