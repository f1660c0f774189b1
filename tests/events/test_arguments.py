"""Who did what to whom, on made-up sentences (never the bed's test split): the speaker of reported speech, plural
pronouns, event nouns given as a role or carried by a light verb, talks read from the parse, visits' places, and
background told before the report."""

from __future__ import annotations

import pytest

from linimasa.model import Document
from linimasa.pipeline import Pipeline
from linimasa.settings import Context

STAGES = ("clean", "language", "sentences", "dating", "timex", "entities", "events")


def events_of(text: str, published: str = "2021-06-15") -> list:
    """Every event mention of `text`, whatever its confidence (roles are checked here, not the threshold)."""
    doc = Document(id="t", source="t", media_type="text/plain", content_sha256="", content=text)
    doc.meta["date"] = published
    return Pipeline(STAGES)(doc, Context.create({"languages": "en,id"})).event_mentions


def mentions(text: str, type_: str, published: str = "2021-06-15") -> list:
    """Every `type_` mention of `text`, whatever its confidence; there must be one."""
    found = [m for m in events_of(text, published) if m.type == type_]
    assert found, f"no {type_} in {text!r}: {[(m.type, m.trigger) for m in events_of(text, published)]}"
    return found


def test_the_speaker_does_not_act_in_the_arrest_he_reports():
    m = mentions("Kepala Satuan Reserse Narkoba, Komisaris Budi Santoso, mengatakan MSH ditangkap pada Senin malam.",
                 "COERCE")[0]
    assert "Budi Santoso" not in m.actors
    assert m.targets == ["MSH"]  # a name the entities stage missed is still the one arrested


def test_a_plural_pronoun_is_never_the_one_person_named_before_it():
    m = mentions("Mayor John Walker criticised the oil companies on Monday and said the city would sue them.",
                 "ACCUSE")
    assert all("John Walker" not in x.targets for x in m)


def test_a_role_given_by_a_verb_names_who_gives_it_and_to_whom():
    m = mentions("KPK menetapkan Rudi Erawan sebagai tersangka pada Rabu.", "ACCUSE")[0]
    assert m.actors == ["KPK"] and m.targets == ["Rudi Erawan"]


def test_a_light_verb_carries_its_subject_up_a_chain_of_verbs():
    m = mentions("The charity World Vision is working hard to get aid through to the victims.", "AID")[0]
    assert m.actors == ["World Vision"] and m.targets == ["victims"]


def test_talks_read_from_the_parse_put_the_one_met_as_target():
    m = mentions("Joe Biden met Vladimir Putin in Geneva on Wednesday.", "CONSULT")[0]
    assert m.actors == ["Joe Biden"] and m.targets == ["Vladimir Putin"]


def test_the_place_of_a_visit_is_no_side_of_it():
    m = mentions("Barack Obama will visit the Gulf region on Friday.", "CONSULT")[0]
    assert m.actors == ["Barack Obama"] and m.targets == []


def test_who_was_told_is_not_the_source():
    m = mentions("The minister told reporters after visiting BP's headquarters in Houston that he was angry.",
                 "CONSULT")[0]
    assert m.source != "BP" and m.targets == ["BP"]


def test_a_quotation_is_spoken_by_the_speaker_named_where_it_closes_or_just_before_it():
    text = ("Ketua DPD Budi Santoso datang ke Malang pada Senin. “Kita sudah bertemu dengan tim DPD PAN Malang. Kami "
            "akan segera berkoordinasi dengan mereka,” kata Budi.")
    met = mentions(text, "CONSULT")[0]
    assert (met.actors, met.targets) == (["Budi Santoso"], ["DPD PAN Malang"])  # "Kita": the speaker; "dengan tim"
    assert mentions(text, "COOPERATE")[0].actors == ["Budi Santoso"]


def test_quote_speakers_follow_the_quotation_marks():
    from linimasa.events.arguments import quote_speakers

    texts = ["A said it.", "“One.", "Two,” said B.", "Aside.", "C said: “Three.", "Four.”", "“Five,” D said."]
    sources = ["A", None, "B", None, "C", None, "D"]
    assert quote_speakers(texts, sources) == {1: "B", 5: "C"}


def test_the_company_is_the_one_the_document_named_most_when_none_is_named_just_before():
    text = ("Halcyon Oil said the well was safe. Halcyon Oil shares fell. Officials met on Monday. The storm hit the "
            "coast. Fishermen were angry. The company was sentenced to three years of probation.")
    assert mentions(text, "SANCTION")[0].targets == ["Halcyon Oil"]
    # a demonym in the noun phrase is the company's nationality, not the one it refers to
    text = "Halcyon Oil said the well was safe. But the British energy giant faced fresh accusations on Tuesday."
    assert mentions(text, "ACCUSE")[0].targets == ["Halcyon Oil"]


def test_a_report_after_the_day_its_story_named_is_dated_that_day():
    text = ("Upacara peringatan kemerdekaan digelar di Istana Negara pada Kamis (17/8). Dalam upacara itu, Megawati "
            "bertemu dengan Susilo Bambang Yudhoyono.")
    m = mentions(text, "CONSULT", published="2017-08-18")[0]
    assert (m.date, m.date_source) == ("2017-08-17", "story") and m.date_text.startswith("Kamis")
    # English wire copy dates each report itself, but the day before publication is the story's day (story_days = 1)
    text = "The ceremony was held on Thursday. Later, Obama met Merkel at the palace."
    assert mentions(text, "CONSULT", published="2017-08-18")[0].date == "2017-08-17"
    assert mentions(text, "CONSULT", published="2017-08-22")[0].date_source == "published"  # Thursday is background


def test_a_date_in_a_since_phrase_dates_what_began_then_not_the_event():
    m = mentions("Aid has been slow to reach the villagers since the first tremor on 12 January.", "AID",
                 published="2010-01-20")[0]
    assert (m.date, m.date_source) == ("2010-01-20", "published")


def test_indonesian_news_dates_an_act_by_the_day_since_which_it_holds():
    m = mentions("Zumi dan Arfan ditetapkan sebagai tersangka sejak 24 Januari 2018.", "ACCUSE",
                 published="2018-02-02")[0]
    assert m.date == "2018-01-24"
    assert m.actors == [] and m.targets == ["Zumi", "Arfan"]  # the suspect is the one accused, not who accuses
    m = mentions("Pertemuan itu menjadi KTT pertama kedua negara sejak 2018.", "CONSULT", published="2021-06-16")[0]
    assert m.date != "2018"  # the first since then: held another day


def test_a_year_that_ends_a_name_says_which_edition_not_when():
    m = mentions("Pertamina akan membantu pembangunan lintasan boling untuk Asian Games 2018 di Palembang.", "AID",
                 published="2017-05-30")[0]
    assert m.date_source != "timex"
    m = mentions("KPK menahan Andi setelah ia diperiksa dalam kasus korupsi proyek tahun anggaran 2016.", "ACCUSE",
                 published="2016-09-08")[0]
    assert m.date_source != "timex"  # the budget year of the project
    m = mentions("Pada 2016, polisi menangkap tiga orang pengedar.", "COERCE", published="2017-05-30")[0]
    assert m.date == "2016"  # a year after a sentence's first word is a date


def test_a_date_the_parse_hangs_on_another_verb_does_not_date_the_event():
    m = mentions("The intergovernmental meeting, which was set up two years ago by the agency, resumed.", "CONSULT",
                 published="2009-05-16")[0]
    assert (m.date, m.date_source) == ("2009-05-16", "published")
    m = mentions("The envoys held talks on Monday in Geneva.", "CONSULT", published="2009-05-16")[0]
    assert m.date_source == "timex"  # the verb that carries the talks
    m = mentions("The campaign questioned his ties with Tom Hale, who was a member of a 1970s radical group.", "ACCUSE",
                 published="2008-10-08")[0]
    assert m.date_source != "timex"  # the years of the clause about Hale (its copula heads it)


def test_background_is_not_dated_by_the_day_of_the_report():
    had = mentions("Senator Mary Jones said she had visited Haiti with the governor.", "CONSULT")[0]
    before = mentions("Sebelumnya, jaksa mendakwa Axel Thomas dengan pasal narkotika.", "ACCUSE")[0]
    now = mentions("Prosecutors charged Axel Thomas with drug trafficking.", "ACCUSE")[0]
    assert had.date == "" and before.date == "" and now.date == "2021-06-15"


def test_the_clause_an_event_noun_is_the_scene_of_names_who_did_it():
    m = mentions("Dalam penggerebekan itu, polisi menangkap tiga orang tersangka.", "COERCE")
    assert any(x.trigger == "penggerebekan" and x.actors == ["polisi"] for x in m), [(x.trigger, x.actors) for x in m]


def test_an_event_noun_from_someone_is_done_by_them():
    m = mentions("The plan drew sharp criticism from opposition lawmakers on Tuesday.", "ACCUSE")[0]
    assert m.actors == ["opposition lawmakers"]


def test_a_pronoun_may_stand_for_the_speaker():
    m = mentions("Mexican President Felipe Calderon said he was sending medical aid to Hermosillo.", "AID")[0]
    assert m.actors == ["Felipe Calderon"]


def test_a_thing_is_no_target():
    m = mentions("Members of Congress are now demanding better safety precautions for fishermen.", "REQUEST")[0]
    assert m.targets == []
    m = mentions("Polisi menyita senjata api dari rumah itu pada Selasa.", "COERCE")[0]
    assert "senjata" not in " ".join(m.targets)


def test_a_time_expression_is_nobody():
    m = mentions("The oil company faced fresh accusations on Tuesday from environmental groups.", "ACCUSE")[0]
    assert "Tuesday" not in m.targets + m.actors


# (sentence, type, actors, targets): None where the case does not say
ROLES = [
    # a title, a comma and one name: the name, however the parse joins them
    ("Kepala Dinas Perhubungan Kota Bandung, Ricky Gustiadi, menginstruksikan kepada petugas untuk menertibkan parkir.",
     "REQUEST", ["Ricky Gustiadi"], ["petugas"]),
    # ... also where the title holds a "dan" (the parse makes a list of three), or is a description the parse makes a
    # second subject
    ("Menteri Hukum dan HAM, Budi Hartono, mendukung penuh langkah KPK tersebut.", "SUPPORT", ["Budi Hartono"], None),
    ("Menteri Energi dan Sumber Daya Mineral, Budi Hartono, mendukung rencana Pertamina itu.", "SUPPORT",
     ["Budi Hartono"], None),
    ("Sutradara kawakan Hollywood yang tengah dirundung kasus pelecehan seksual, Harvey Keitel membantah tudingan "
     "Peter Jackson.", "REJECT", ["Harvey Keitel"], ["Peter Jackson"]),
    # a person noun whose phrase ends with a person's name is that person, the party before it is the title
    ("Politisi Partai Demokrat Budi Santoso diperiksa penyidik KPK atas kasus korupsi pengadaan alat kesehatan.",
     "ACCUSE", None, ["Budi Santoso"]),
    # the attribution that closes the sentence is no one asked ("..., the Associated Press reported")
    ("Lawyers asked that the cases against BP be heard in Louisiana, the Associated Press news agency reported.",
     "REQUEST", ["lawyers"], []),
    # only some verbs hand their object what their complement does ("urged X to investigate"): a thing chosen for it
    # does nothing
    ("The minister chose a television interview to apologise to the families.", "CONCEDE", ["minister"], ["families"]),
    ("The senator picked the Senate floor to criticise the president.", "ACCUSE", ["senator"], ["president"]),
    # what a claim says names whom it accuses, when that one acts there
    ("The reform followed repeated charges that regulators were too cosy with oil companies.", "ACCUSE", None,
     ["regulators"]),
    # a word of the trigger is no argument ("diri" in "mengundurkan diri"); its case word still leads to one
    ("Budi Santoso mengundurkan diri dari jabatannya pada Senin karena sakit.", "RETREAT", ["Budi Santoso"], []),
    ("World Vision is now working with Unicef to help the children.", "COOPERATE", ["World Vision"], ["Unicef"]),
    # what is denied or faced right after its verb names who receives it, where the parse lost the verb
    ("Google menyangkal tuduhan itu dan mengatakan iklan tersebut sah.", "ACCUSE", None, ["Google"]),
    # a speech tag's speaker ("lanjut Bima") is the source, not who discussed
    ("Selain itu, lanjut Bima, idEA telah berdiskusi dengan Badan Kebijakan Fiskal.", "CONSULT", ["idEA"], None),
    # a noun predicate of a copula is its subject ("the only person convicted" is Megrahi)
    ("Megrahi was the only person convicted of the 1988 plane bombing.", "SANCTION", None, ["Megrahi"]),
    ("Budi adalah orang pertama yang ditangkap polisi.", "COERCE", ["polisi"], ["Budi"]),
    # who acts through a letter is who sent it; a thing's owner does what the thing is for ("its right to appeal")
    ("Attorney General Bill McCollum sent a letter to BP requesting that the company deposit $2.5 billion.",
     "REQUEST", ["Bill McCollum"], None),
    ("Feinberg said that BP had not yet exercised its right to appeal against any claims.", "REQUEST", ["BP"], None),
    # "X said he ...": the one who says it; "its" is the nearer party noun of its sentence, else the organisation
    ("Paul Jones met the judge. Pastor said he wanted a camera in the courtroom and asked for proposals from news "
     "teams.", "REQUEST", ["Pastor"], None),
    ("The commission is the first group to wrap up its probe of the accident.", "ACCUSE", ["commission"], None),
    # a speaker named with a title in commas before the speech verb speaks the quote ("I" is that speaker)
    ('"I have ordered an inquiry into the activities of BP," Eric Holder, the US attorney general, told ABC.',
     "REQUEST", ["Eric Holder"], None),
    # who is helped is the subject of the clause "help" completes, or the object the parse gave a participle
    ("The effort aims to help people feel secure.", "AID", None, ["people"]),
    ("The government was doing all it could to help struggling fishermen and other businesses.", "AID",
     ["government"], ["fishermen", "businesses"]),
    # "by" right after an active verb's object names whose act it is, and so the target
    ("Transocean and other contractors blame decisions by BP.", "ACCUSE", None, ["BP"]),
    # a passive without an agent of its own takes the agent of the verb it leads to
    ("Setelah ketahuan tidur, ia ditangkap lalu diinterogasi oleh petugas keamanan.", "COERCE",
     ["petugas keamanan"], None),
    ("He was arrested and questioned by police on Monday.", "COERCE", ["police"], None),
    # the target the parse hangs on the one who acts ("protes oleh pengemudi terhadap Uber")
    ("Protes oleh pengemudi taksi konvensional terhadap aplikasi Uber berubah menjadi tindak kekerasan.", "PROTEST",
     None, ["Uber"]),
    # who dies in an attack, past an aside between commas
    ("Setidaknya 16 warga sipil, termasuk perempuan dan anak-anak, tewas dalam serangan AS di Nangarhar.",
     "ASSAULT", None, ["warga"]),
    # whose agent or keeper a person is only qualifies the person ("agen Rossi, Marco Bellini")
    ("Presiden klub itu, Budi Santoso, akan menemui agen Rossi, Marco Bellini, pekan depan.", "CONSULT",
     ["Budi Santoso"], ["Marco Bellini"]),
    # a noun phrase after the clause that names the act is no side of it; who is provided with aid gets it
    ("The Justice Department sued BP on Wednesday over the spill, the government's first legal filing.", "ACCUSE",
     ["Justice Department"], ["BP"]),
    ("The army provided the villagers with food, water and blankets on Monday.", "AID", ["army"], ["villagers"]),
    ("Empat polisi dan tiga pekerja tewas dalam serangan itu.", "ASSAULT", None, ["polisi", "pekerja"]),
    # a name the entities stage missed keeps its capitalised words and numbers; a word written twice is one
    ("Tim Tim Densus 88 menangkap dua terduga teroris di Bekasi pada Jumat.", "COERCE", ["Tim Densus 88"], None),
    # a common noun coordinated with a name is another side, not that name's title
    ("Senator Barbara Boxer and seven other senators asked the Justice Department to investigate BP.", "REQUEST",
     ["Barbara Boxer", "senators"], None),
    # the one a talks verb meets is its object, a common noun too; "pemeriksaan pada X" examines X
    ("Pelatih Budi Santoso akan bertemu salah satu klub Eropa pekan depan.", "CONSULT", None, ["klub"]),
    ("Setelah dilakukan pemeriksaan pada WNA tersebut ditemukan 4 buah paket.", "ACCUSE", None, ["WNA"]),
    # the outlet a report is taken from takes no part in it
    ("Berdasarkan pantauan Kompas.com, rapat ini juga dihadiri Menteri BUMN Rini Soemarno.", "CONSULT",
     ["Rini Soemarno"], None),
    # a verb the parse makes the subject does it through its own subject
    ("The plan became official when world leaders meeting in London pledged to quadruple its resources.", "AGREE",
     ["world leaders"], None),
    # anger at someone accuses them; who voices it accuses
    ("Interior Secretary Ken Salazar expressed outrage at the oil firm's inability to stop the leak.", "ACCUSE",
     ["Ken Salazar"], None),
    # a gerund after "by", "after" ... does what the subject of its clause does
    ("The Obama administration launched a legal battle against the oil firm by suing it for the spill.", "ACCUSE",
     ["Obama administration"], None),
    # a party noun before an event noun acts in it ("the police inquiry"); a thing does not ("air strikes")
    ("Dr Murray said he would help with the police inquiry into the death.", "ACCUSE", ["police"], None),
    # a passive without a subject of its own shares the subject of the verb it completes; its agent still acts
    ("Setya Novanto telah dipanggil untuk diperiksa oleh penyidik KPK.", "ACCUSE", None, ["Setya Novanto"]),
    # a body named by the person heading it acts, not the person
    ("The Obama administration lifted the moratorium on drilling in coastal waters.", "CONCEDE",
     ["Obama administration"], None),
    # what is sent or handed over is the aid, not who gets it
    ("Tearfund sent a team out to Haiti on 17 January.", "AID", ["Tearfund"], ["Haiti"]),
    ("The government provided tents for the families.", "AID", ["government"], ["families"]),
    # what is done to a party's act is done to the party ("the government's response", "kebijakan pemerintah")
    ("The senators criticised the government's response to the spill.", "ACCUSE", ["senators"], ["government"]),
    ("Warga memprotes kebijakan pemerintah daerah soal parkir.", "PROTEST", ["warga"], ["pemerintah daerah"]),
    # an event noun counted by "a series of", "a plethora of" stands in the clause where the count stands
    ("A plethora of lawsuits have been filed against Transocean.", "ACCUSE", None, ["Transocean"]),
    ("Israel launched a series of attacks on Gaza.", "ASSAULT", ["Israel"], ["Gaza"]),
    ("Hayward has faced a barrage of criticism from lawmakers.", "ACCUSE", ["lawmakers"], ["Hayward"]),
    # who faces, draws or receives an event is its target
    ("Tony Hayward has drawn withering criticism from lawmakers.", "ACCUSE", ["lawmakers"], ["Tony Hayward"]),
    ("Google dijatuhi sanksi oleh Uni Eropa.", "SANCTION", None, ["Google"]),
    # who is asked is the target of a request; the one urged does what is urged
    ("Governor Bobby Jindal demanded the federal government and BP commit to a long cleanup.", "REQUEST", None,
     ["government", "BP"]),
    ("The senators urged the Justice Department to investigate Halliburton.", "ACCUSE", ["Justice Department"],
     ["Halliburton"]),
    # "called for X to do", "pleaded for X to do": X is asked, and X would do it
    ("Senators called for the Justice Department to investigate the company.", "REQUEST", ["senators"],
     ["Justice Department"]),
    ("Senators called for the Justice Department to investigate the company.", "ACCUSE", ["Justice Department"],
     ["company"]),
    ("Farmers pleaded for the government to suspend the tax.", "REQUEST", ["Farmers"], ["government"]),
    # "we" in a quote is the speaker; "it", "the company" refer back to the organisation named before
    ('"We will sue the company," said Attorney General Troy King.', "ACCUSE", ["Troy King"], None),
    ("BP said on Monday it would pay. Attorney General Troy King accused the company of lying.", "ACCUSE", None,
     ["BP"]),
    ("BP said on Monday the well was safe. It has refused to accept blame for the accident.", "REJECT", ["BP"], None),
    # "it" never stands for a person: the commission a senator led, not the senator; left out when unsure
    ("The commission, led by former senator Bob Graham, released its report on Tuesday. It also called for new "
     "fees on the companies.", "REQUEST", [], None),
    ("Senator David Vitter spoke about the report. In addition, it endorsed a new system of inspections.", "SUPPORT",
     [], None),
    # Indonesian: the bare noun after a di- verb is its agent; a talks verb's object is met; an event noun followed
    # by a name names its own sides
    ("Rumah itu digeledah polisi.", "COERCE", ["polisi"], None),
    ("Joko Widodo akan menemui Vladimir Putin pekan depan.", "CONSULT", ["Joko Widodo"], ["Vladimir Putin"]),
    ("Gatot menyambut baik pertemuan Megawati Soekarnoputri dengan Susilo Bambang Yudhoyono di Istana.", "CONSULT",
     ["Megawati Soekarnoputri"], ["Susilo Bambang Yudhoyono"]),
    ("Juru bicara Kementerian Luar Negeri Arrmanatha Nasir mengatakan, pihaknya telah memanggil duta besar Myanmar.",
     "REQUEST", ["Kementerian Luar Negeri"], None),  # "pihaknya": the side the speaker speaks for
    # relative clauses, agent phrases, conjuncts and raising verbs
    ("The gunman who attacked the school was arrested on Monday.", "ASSAULT", ["gunman"], None),
    ("Protesters detained by police on Monday were released.", "COERCE", ["police"], ["protesters"]),
    ("The British government was horrified and imposed an economic embargo on Iran.", "SANCTION", None, ["Iran"]),
    ("The exam boards are due to meet on Thursday.", "CONSULT", ["exam boards"], None),
    # an agent noun that is its trigger acts; "a meeting of experts"; the name in apposition to a role noun
    ("In Athens, protesters have spilled onto the streets by the thousands.", "PROTEST", ["protesters"], None),
    ("The decision was made after a meeting of experts in Geneva.", "CONSULT", ["experts"], None),
    ("The senior OTS official in the Western United States, Darryl Dochow, resigned on Monday.", "RETREAT",
     ["Darryl Dochow"], None),
    # a perfect is active ("who had refused"); "by" after an active verb with a subject is no agent; who requests
    # a meeting takes part in it; "the state of X" is X, named there and not a state named before
    ("The guests who had refused to leave were taken to a lodging house.", "REJECT", ["guests"], []),
    ("Halliburton and the other contractors blame decisions by BP.", "ACCUSE", ["contractors"], None),
    ("Pete Smith also requested a meeting with the drug makers on Monday.", "CONSULT", ["Pete Smith"], ["drug makers"]),
    ("Spain is seeking a European Union ban on flights to Chile.", "SANCTION", ["European Union"], None),
    ("Mexico criticised the plan. The state of Texas is threatening to sue the agency.", "THREATEN", ["Texas"], None),
    # people met are a side of the talks (a place visited is not: test_the_place_of_a_visit_is_no_side_of_it)
    ("Barack Obama met families of the victims at the White House.", "CONSULT", None, ["families"]),
    # a word of quantity is not who takes part: the noun it counts is; a case word that names the other side is not
    # part of the one who acts, even where the parse hangs it there
    ("Polisi melakukan pemeriksaan terhadap sejumlah saksi pada Senin.", "ACCUSE", None, ["saksi"]),
    ("Police said dozens of protesters were arrested on Sunday.", "COERCE", None, ["protesters"]),
    ("Protests by taxi drivers against Uber Technologies turned violent in Paris on Monday.", "PROTEST",
     ["taxi drivers"], None),
    ("Protes oleh pengemudi taksi konvensional terhadap Bank Mandiri berubah menjadi kekerasan.", "PROTEST",
     ["pengemudi taksi"], None),
    # who dies in the attack a clause is the scene of suffers it; who acts in it does it
    ("Five civilians died in the attack on the village.", "ASSAULT", [], ["civilians"]),
    # a party named after a case word is a target like a name ("apologised to the families"); a thing is not
    ("The company apologised to the families on Monday.", "CONCEDE", ["company"], ["families"]),
    ("The senator questioned the fairness of the compensation.", "ACCUSE", None, []),
    # "the company" is never the other side of its own event; the one talked to is a side of the talks
    ("In the case of Riverside Savings, Halcyon Capital had ordered the company to sell its shares.", "REQUEST",
     ["Halcyon Capital"], ["Riverside Savings"]),
    ("The envoy spoke to Mahmoud Abbas by telephone on Tuesday.", "CONSULT", ["envoy"], ["Mahmoud Abbas"]),
    # an active meN- verb the parse gives no subject: the name right before it acts
    ("Microsoft menyangkal tuduhan itu dan mengatakan produknya aman.", "REJECT", ["Microsoft"], None),
    # ... and the name right after a meN- verb is its object; each reaches no further than its side of the verb
    ("Para buruh mendesak Gubernur Jawa Barat Ridwan Kamil menaikkan upah minimum.", "REQUEST", ["buruh"],
     ["Ridwan Kamil"]),
    # a di- verb is passive whatever the tagger says: the name before it undergoes it (an observer says so: no
    # law-enforcement body is named to do it)
    ("Atas dasar itu, pengamat menyebut kemungkinan besar Andi Wijaya bisa langsung ditahan.", "COERCE", [],
     ["Andi Wijaya"]),
    ("Pelatih itu dikritik oleh pendukungnya sendiri.", "ACCUSE", ["pendukung"], ["pelatih"]),  # his supporters
    # an agent noun that acts on someone belongs to no one: "Obama's critics" are not Obama
    ("Obama's critics accused him of weakness on Monday.", "ACCUSE", ["critics"], ["Barack Obama"]),
    # "pihaknya" with no organisation in the speaker's title is the speaker; "pihak X" is X; "sejumlah pihak" no one
    ("Agus Salim mengatakan, sejauh ini pihaknya telah mengevakuasi tiga warga.", "AID", ["Agus Salim"], None),
    ("Hingga kini, pihak Polres Bogor masih melakukan penyelidikan guna mencari pelaku.", "ACCUSE", ["Polres Bogor"],
     None),
    ("Polisi telah memeriksa sejumlah pihak yang berkaitan dengan kasus itu.", "ACCUSE", ["polisi"], []),
    ("During the raid, police seized two rifles.", "COERCE", ["police"], None),
    # Indonesian genitive after an event noun: who acts, or for a peN-...-an noun what is done to; a thing is no one
    ("Ini imbauan kepolisian kepada masyarakat.", "REQUEST", ["kepolisian"], ["masyarakat"]),
    ("Lima warga tewas dalam serangan Israel di Gaza.", "ASSAULT", ["Israel"], ["warga"]),
    ("Dua polisi terluka dalam serangan itu.", "ASSAULT", [], ["polisi"]),  # word order, where the parse lost the verb
    ("Penangkapan pelaku dilakukan pada Senin malam.", "COERCE", None, ["pelaku"]),
    ("KPK menetapkan Rudi Erawan sebagai tersangka kasus suap.", "ACCUSE", ["KPK"], ["Rudi Erawan"]),
    # a passive light verb carries who did it and to whom; a passive conjunct shares its subject, who undergoes it;
    # a passive relative clause is about the noun it modifies; who denies an accusation was accused
    ("Sanctions were imposed on Russia by the European Union.", "SANCTION", ["European Union"], ["Russia"]),
    ("Ia melaporkan penganiayaan yang dilakukan oleh dua pria terhadap Budi.", "ASSAULT", ["pria"], None),
    ("The mayor tried to calm the city but was accused of negligence.", "ACCUSE", [], ["mayor"]),
    ("He replaced Tony Hayward, who was criticised for his leadership.", "ACCUSE", [], ["Tony Hayward"]),
    ("Google denied the allegations on Monday.", "ACCUSE", [], ["Google"]),
    # who speaks in the clause a meeting is the scene of took part in it; a side word order finds no name for in
    # Indonesian talks is the party noun the parse found there
    ("Markets must not rule, Merkel said during a visit to Austria on Saturday.", "CONSULT", ["Angela Merkel"],
     ["Austria"]),
    ("Sekolah akan menjalin kerja sama dengan lembaga di luar sekolah.", "COOPERATE", ["sekolah"], ["lembaga"]),
    ("Polisi juga melakukan koordinasi dengan tokoh masyarakat di wilayah itu.", "COOPERATE", ["polisi"],
     ["tokoh masyarakat"]),
    # "pihaknya" is the side the speaker was named with in an earlier title, else the speaker; "pihak" alone is no one
    ("Wakil Ketua Komisi Pemberantasan Korupsi (KPK) Basaria Panjaitan hadir di lokasi. Basaria menyebut, pihaknya "
     "telah melakukan pemeriksaan terhadap sejumlah saksi.", "ACCUSE", ["Komisi Pemberantasan Korupsi"], ["saksi"]),
    ("Agus Salim mengatakan hal itu kepada wartawan. Pihaknya kemudian melakukan penyitaan atas barang bukti.",
     "COERCE", ["Agus Salim"], None),
    # "attacks from X", "at the request of X": X attacks, X asks; a light verb of management carries its subject
    ("The minister faced attacks from opposition lawmakers and the audience.", "ASSAULT",
     ["opposition lawmakers", "audience"],
     ["minister"]),
    ("The convoy left at the request of the World Health Organization.", "REQUEST", ["World Health Organization"], []),
    ("The charity has been managing compensation for the victims.", "AID", ["charity"], ["victims"]),
    # a name the parse makes an nmod before an event noun modifies it ("the Justice Department civil probe"); who
    # addresses a meeting takes part in it, even as the speaker of the quote
    ("The Interior Department civil probe is on a parallel track.", "ACCUSE", ["Interior Department"], []),
    ('"People here are frustrated," Feinberg told the meeting on Monday.', "CONSULT", ["Feinberg"], []),
    # "according to X": X reports, and does not act even in a speech act; critics target the subject of what they say
    ("The deal would protect all deposits, according to a statement from the Federal Deposit Insurance Corp.",
     "AGREE", [], None),
    ("Critics, however, said that regulators are repeating the same mistakes.", "ACCUSE", ["critics"],
     ["regulators"]),
    # aid goes to whom it reaches
    ("Food aid has been slow to reach the villagers after the floods.", "AID", [], ["villagers"]),
    # "he" after "X said" is X, whatever type the entities stage gave the speaker
    ("Calderon said he was rushing medical assistance to Hermosillo.", "AID", ["Calderon"], None),
    # a group named after a list mark is the people named, all of them
    ("Police arrested three men, namely John Smith, Peter Jones and Ali Khan.", "COERCE", ["police"],
     ["John Smith", "Peter Jones", "Ali Khan"]),
    ("Polisi menangkap tiga orang, yakni Budi Santoso, Andi Wijaya dan Rudi Hartono.", "COERCE", ["polisi"],
     ["Budi Santoso", "Andi Wijaya", "Rudi Hartono"]),
    # a plural pronoun under a clause whose subject names several is them; a plural definite noun is not the one
    # company named before, and who sues is not sued
    ("Newspapers and commenters turned on the minister on Friday as they denounced his handling of the crisis.",
     "ACCUSE", ["newspapers", "commenters"], None),
    ("Para buruh mengatakan mereka akan menggugat perusahaan itu.", "ACCUSE", ["buruh"], ["perusahaan"]),
    ("Exxon said they would sue the contractors.", "ACCUSE", ["Exxon"], ["contractors"]),
    # who says he did it did it: a said clause without a subject of its own (Indonesian drops it)
    ("Gubernur Ganjar mengklaim telah memerintahkan dinas lingkungan hidup untuk membuat kajian.", "REQUEST",
     ["Ganjar"], None),
    # in a clash every side fights: the side it is with acts too
    ("Farmers clashed with officials who had come to destroy their pigs.", "ASSAULT", ["farmers", "officials"], []),
    ("Kekerasan itu bertepatan dengan bentrokan baru antara pasukan Iran dan pemberontak Kurdi.", "ASSAULT",
     ["Iran", "pemberontak"], []),
    # who fends off charges is the one charged
    ("The governor has fended off charges that the permits were granted illegally.", "ACCUSE", [], ["governor"]),
    # the subject of a speech act's own verb does it, though the sentence's source too; not the body of the title
    ("Senate Republican leader Mitch McConnell, however, warned Obama against using the crisis.", "THREATEN",
     ["Mitch McConnell"], ["Barack Obama"]),
    # who claims the responsibility for an attack made it; no one where the claim is denied
    ("The Tamil Tigers claimed responsibility for the bombing in Colombo.", "ASSAULT", ["Tamil Tigers"], None),
    ("Kelompok Abu Sayyaf mengaku bertanggung jawab atas serangan itu.", "ASSAULT", ["Abu Sayyaf"], None),
    ("No group has claimed responsibility for the bombing in Lima.", "ASSAULT", [], None),
    ("Abu Sayyaf tidak mengaku bertanggung jawab atas serangan itu.", "ASSAULT", [], None),
    # people named by their part in a scheme or a congregation are parties
    ("The agency began asking participants for proof of their losses.", "REQUEST", None, ["participants"]),
    ("Pendeta itu mengimbau jemaatnya untuk tetap tenang.", "REQUEST", None, ["jemaat"]),
    # who died in an attack was its target, whatever else the parse hung on the attack
    ("Abu Hamza tewas dalam serangan di markas besarnya di Nangarhar pada Juli lalu.", "ASSAULT", [],
     ["Abu Hamza"]),
    # who is showered with criticism is its target
    ("Menteri Susi dihujani kritik setelah menenggelamkan kapal asing.", "ACCUSE", [], ["Susi"]),
    # the two people of a ticket, written with a dash between
    ("Nasdem akhirnya mendukung Edy Rahmayadi - Musa Rajekshah dalam Pilgub Sumut.", "SUPPORT", ["Nasdem"],
     ["Edy Rahmayadi", "Musa Rajekshah"]),
]


@pytest.mark.parametrize(("text", "type_", "actors", "targets"), ROLES)
def test_who_did_what_to_whom(text, type_, actors, targets):
    m = mentions(text, type_)[0]
    assert actors is None or m.actors == actors, m.actors
    assert targets is None or sorted(m.targets) == sorted(targets), m.targets


@pytest.mark.parametrize("text", [
    "Thu Jun 17, 2010 5:45 pm EDT WASHINGTON (Reuters) - Lawmakers accused the chief executive of evasion.",
    "Thu Jun 17 , 2010 5:45 pm EDT WASHINGTON -LRB- Reuters -RRB- - Lawmakers accused the chief executive of evasion.",
])
def test_a_bracketed_outlet_after_header_lines_run_into_the_sentence_is_a_dateline(text):
    assert mentions(text, "ACCUSE")[0].actors == ["lawmakers"]


def test_a_web_outlet_before_a_dash_is_a_dateline_not_an_actor():
    m = mentions("Merdeka.com - Manchester United sudah menghubungi agen Joe Hart.", "CONSULT")[0]
    assert "Merdeka.com" not in m.actors + m.targets and "Manchester United" in m.actors


def test_a_clause_after_said_names_no_speaker():
    m = mentions("Nalco said it is working with BP Plc on the cleanup.", "COOPERATE")[0]
    assert m.source != "BP Plc" and m.actors == ["Nalco"] and m.targets == ["BP Plc"]


@pytest.mark.parametrize("text", [
    "Two months after an explosion on BP's Deepwater Horizon oil rig killed 11 people, the well was capped.",
    "The blowout killed 11 people aboard the oil rig, which caught fire and sank.",  # a well accident as well
])
def test_an_explosion_kills_in_no_event_whoever_owns_the_rig(text):
    found = events_of(text, "2010-06-20")
    assert not [m for m in found if m.type == "ASSAULT"]


def test_its_is_the_nearer_party_noun_of_its_sentence():
    found = mentions("The Justice Department sued BP, the federal government's first filing in its broad investigation "
                     "of the spill.", "ACCUSE")
    assert [m.actors for m in found if m.trigger == "investigation"] == [["government"]]


def test_a_thing_that_helps_is_no_aid_unless_it_is_an_organised_effort():
    found = events_of("Experts also name other factors that helped BP become Rosneft's partner.")
    assert not [m for m in found if m.type == "AID"]
    assert [m.targets for m in mentions("The committee is co-ordinating an appeal to help the people of Haiti.", "AID")] == [
        ["Haiti"]]


def test_who_is_named_before_said_says_it_even_when_a_name_follows_said():
    m = mentions("James Bevan, chief investment officer at CCLA Investments, said a deal with Kuwait Petroleum was "
                 "more likely.", "AGREE")[0]
    assert m.source == "James Bevan" and "Kuwait Petroleum" not in m.actors


@pytest.mark.parametrize(("text", "actor"), [
    ("Republicans attacked the president's plan on Monday.", "Republicans"),
    ("Opposition leaders attacked the government's handling of the floods.", "opposition leaders"),
    ("Warga menyerang kebijakan pemerintah soal reklamasi.", "warga"),
])
def test_an_attack_on_what_someone_said_or_decided_is_criticism_not_force(text, actor):
    found = events_of(text)
    assert not [m for m in found if m.type == "ASSAULT"]
    assert [m.actors for m in found if m.type == "ACCUSE"] == [[actor]]


def test_an_attack_on_a_place_is_still_force():
    assert mentions("Massa menyerang kantor polisi di Medan pada Senin.", "ASSAULT")


@pytest.mark.parametrize(("text", "type_", "actor"), [
    ("Polres Metro Bekasi tengah menyelidiki kasus pencurian itu. Tersangka ditangkap pada Senin malam.", "COERCE",
     "Polres Metro Bekasi"),
    ("Saat dilakukan penggeledahan, BNN menemukan satu karung ganja di dalam mobil.", "COERCE", "BNN"),
    ("Polres Metro Bekasi menggeledah rumah itu. Budi Santoso ditetapkan sebagai tersangka.", "ACCUSE",
     "Polres Metro Bekasi"),
    ("Kepala Bidang Humas Polda Jawa Barat Kombes Budi Hartono mengatakan tersangka masih menjalani pemeriksaan.",
     "ACCUSE", "Polda Jawa Barat"),
    ("Police in Ohio are looking into the shooting. A man was arrested on Monday.", "COERCE", "police"),
    ("Polres Mataram dan Polres Lombok Barat menggelar operasi narkoba. Seorang pengusaha ditangkap di sebuah hotel.",
     "COERCE", ["Polres Mataram", "Polres Lombok Barat"]),  # bodies joined by "dan" act together
])
def test_an_arrest_or_examination_no_one_is_named_doing_is_the_law_enforcement_body_named_nearby(text, type_, actor):
    assert mentions(text, type_)[-1].actors == (actor if isinstance(actor, list) else [actor])


def test_a_hospital_or_office_of_the_police_does_not_examine():
    m = mentions("Korban dibawa ke RS Polri Kramat Jati untuk diautopsi. Sejumlah saksi sudah diperiksa.", "ACCUSE")[0]
    assert m.actors == []


@pytest.mark.parametrize("text", [
    "The quake struck at dusk, and about 1,655 people were killed.",
    "Hundreds of homes collapsed when the earthquake hit, and thousands of people have been killed.",
    "Banjir bandang melanda desa itu dan dua warga dibunuh.",
    "Another aid worker is feared to have been killed in the collapse of the headquarters.",
])
def test_the_dead_of_a_disaster_or_an_accident_are_no_attack(text):
    found = events_of(text)
    assert not [m for m in found if m.type == "ASSAULT"]


def test_a_gang_killed_in_a_raid_is_still_an_attack_though_drugs_are_named():
    assert mentions("Sixteen members of a drug gang were killed in a shootout with soldiers.", "ASSAULT")


@pytest.mark.parametrize(("text", "actor", "target"), [
    ("Police fired tear gas to disperse protesters outside the parliament.", "police", "protesters"),
    ("Polisi menembakkan gas air mata untuk membubarkan massa di depan gedung DPR.", "polisi", "massa"),
])
def test_force_used_to_do_something_to_a_party_targets_that_party(text, actor, target):
    m = mentions(text, "ASSAULT")[0]
    assert m.actors == [actor] and m.targets == [target]


def test_seeking_to_do_something_is_trying_not_asking():
    found = events_of("A government minister then sought to calm nationwide fears.")
    assert not [m for m in found if m.type == "REQUEST"]
    assert mentions("The president sought another $200 million for Islamabad.", "REQUEST")


@pytest.mark.parametrize("text", [
    "Experts agree the current process for making vaccines is clumsy and outdated.",
    "All analysts consulted by Reuters agree on this.",
])
def test_commentators_agreeing_share_an_opinion_and_make_no_deal(text):
    assert not [m for m in events_of(text) if m.type == "AGREE"]
    assert mentions("Both governments agreed that the talks would resume in May.", "AGREE")


@pytest.mark.parametrize(("text", "type_", "target"), [
    ("Rina Kartika ditangkap polisi atas dugaan kepemilikan sabu. Saat ini Rina masih menjalani "
     "pemeriksaan di Mapolda.", "ACCUSE", "Rina Kartika"),
    ("Polisi meringkus Andi Wijaya di sebuah hotel pada Selasa malam. Dari penangkapan itu, polisi menemukan dua "
     "paket sabu.", "COERCE", "Andi Wijaya"),
    ("A former aide, John Miller, was arrested in Ohio on Monday. Investigators found cash during the raid.",
     "COERCE", "John Miller"),
    # triggers are read in the order they are told: the arrest comes before the questioning
    ("Pejabat itu bernama Ri Yong Jin. Setelah ketahuan tidur, ia ditangkap lalu diinterogasi oleh petugas keamanan.",
     "ACCUSE", "Ri Yong Jin"),
])
def test_an_authority_act_no_one_is_named_undergoing_is_done_to_the_suspect_just_told(text, type_, target):
    assert mentions(text, type_)[-1].targets == [target]


def test_a_place_named_with_an_earlier_arrest_is_no_suspect():
    text = ("Penangkapan terhadap selebritas asal Yogyakarta itu dilakukan polisi pada Rabu siang. Kepala Bidang Humas "
            "Polda Metro Jaya mengatakan saat ini dia masih menjalani pemeriksaan.")
    assert mentions(text, "ACCUSE", "2021-06-17")[-1].targets == []


def test_an_authority_act_takes_no_suspect_from_further_back():
    text = ("Polisi menangkap Andi Wijaya di Bekasi. Cuaca cerah sepanjang hari. Warga berkumpul di taman. "
            "Pemeriksaan dilakukan di Polda Metro Jaya.")
    assert mentions(text, "ACCUSE")[-1].targets == []


@pytest.mark.parametrize("text", [
    "Harian Jakarta Pos melaporkan bahwa dua pendaki asing tewas di gunung itu.",
    "Pemerintah dan pengacara Budi membahas ganti rugi itu bulan lalu, Harian Jakarta Pos melaporkan.",
])
def test_a_news_report_accuses_no_one(text):
    assert not [m for m in events_of(text) if m.type == "ACCUSE"]
    assert mentions("Warga melaporkan pencurian itu ke Polsek Tanah Abang.", "ACCUSE")


@pytest.mark.parametrize("text", [
    "Tersangka membacok korban menggunakan parang di Desa Sukamaju.",
    "Polisi masih menyelidiki kasus penusukan seorang mahasiswa di Bandung.",
    "Orang tak dikenal menembaki pos polisi di Puncak Jaya.",
])
def test_hacking_stabbing_and_shooting_at_are_attacks(text):
    assert mentions(text, "ASSAULT")


@pytest.mark.parametrize(("text", "actor", "target"), [
    ("The state of Texas is threatening to sue Exxon over the leak.", "Texas", "Exxon"),
    ("Kementerian Perhubungan mengancam akan menggugat Freeport ke pengadilan.", "Kementerian Perhubungan", "Freeport"),
])
def test_who_a_threatened_act_would_be_done_to_is_threatened(text, actor, target):
    m = mentions(text, "THREATEN")[0]
    assert actor in " ".join(m.actors) and target in m.targets


@pytest.mark.parametrize(("text", "type_", "target"), [
    ("Kevin Moore's former doctor is accused of manslaughter.", "ACCUSE", "Kevin Moore's doctor"),
    ("Police questioned the singer's bodyguard on Monday.", "ACCUSE", "bodyguard"),
    ("Istri Bambang Wijaya diperiksa KPK pada Senin.", "ACCUSE", "istri Bambang Wijaya"),
])
def test_a_person_named_by_a_tie_to_another_is_not_that_other(text, type_, target):
    m = mentions(text, type_)[0]
    assert m.targets == [target]


@pytest.mark.parametrize(("text", "trigger", "target"), [
    ("Dr Alan Price, Kevin Moore's personal physician, was seen in July. Prosecutors will file a criminal case "
     "against Moore's doctor on Monday.", "criminal case", "Alan Price"),
    ("Kevin Moore's lawyer, Sarah Lane, spoke on Friday. Prosecutors accused Moore's attorney of contempt.", "accused",
     "Sarah Lane"),
    ("Rudi Hartono, kuasa hukum Bambang Wijaya, hadir di gedung KPK. Penyidik kemudian memeriksa kuasa hukum "
     "Bambang Wijaya itu.", "memeriksa", "Rudi Hartono"),
])
def test_the_tie_told_again_is_the_person_an_apposition_named_by_it(text, trigger, target):
    m = [x for x in mentions(text, "ACCUSE") if x.trigger == trigger][0]
    assert m.targets == [target]


@pytest.mark.parametrize("text", [
    "Bupati itu diduga menerima suap sebesar Rp 1 miliar dari seorang kontraktor.",
    "Gubernur menerima penghargaan dari Presiden di Istana Negara pada Senin.",
])
def test_receiving_money_or_an_award_is_no_agreement(text):
    assert not [m for m in events_of(text) if m.type == "AGREE"]


def test_accepting_an_offer_is_an_agreement():
    m = mentions("Pemerintah Jepang menerima tawaran kerja sama dari Indonesia pada Senin.", "AGREE")[0]
    assert "Japan" in m.actors


@pytest.mark.parametrize("text", [
    "Ponsel pintar ini juga mendukung teknologi pengisian cepat dari Qualcomm.",
    "Valentino Rossi mengakui bahwa persaingan musim ini begitu ketat.",
])
def test_a_thing_that_works_with_another_or_an_admission_that_something_is_so_backs_no_one(text):
    assert not [m for m in events_of(text) if m.type == "SUPPORT"]


def test_the_tie_told_is_the_one_person_the_document_titles_by_it():
    m = [x for x in mentions("Dr Alan Price has denied he caused the death of Kevin Moore. Prosecutors will file a "
                             "criminal case against Kevin Moore's doctor on Monday.", "ACCUSE")
         if x.trigger == "criminal case"][0]
    assert m.targets == ["Alan Price"]


def test_a_word_inside_a_time_expression_is_no_trigger_and_leaves_the_date_to_the_event():
    found = events_of("In March, the central bank agreed to lend the bank $29 billion.", "2008-09-14")
    assert [m.type for m in found] == ["AGREE"] and found[0].date == "2008-03"


@pytest.mark.parametrize(("text", "type_", "status", "date"), [
    # an event noun takes its status and its day from the predicate it is the subject of
    ("The trial is due to start on Tuesday.", "ACCUSE", "planned", "2011-09-27"),
    ("The talks are scheduled to begin on Monday.", "CONSULT", "planned", "2011-09-26"),
    ("The meeting was cancelled.", "CONSULT", "negated", None),
    ("The talks began on Monday in Geneva.", "CONSULT", "happened", "2011-09-19"),
])
def test_an_event_noun_takes_status_and_day_from_its_predicate(text, type_, status, date):
    m = mentions(text, type_, "2011-09-24")[0]
    assert m.status == status and (date is None or m.date == date), (m.status, m.date)


def test_a_spanish_suspension_is_a_sanction():
    doc = Document(id="t", source="t", media_type="text/plain", content_sha256="", content=(
        "La Liga Árabe ha decidido este sábado suspender la participación de Siria en la organización."))
    doc.meta["date"] = "2011-11-12"
    found = Pipeline(STAGES)(doc, Context.create({"languages": "es"})).event_mentions
    assert [m.trigger for m in found if m.type == "SANCTION"] == ["suspender"], [(m.type, m.trigger) for m in found]


def test_the_speaker_does_not_examine_the_witnesses_he_reports_examined():
    # an examination is an accusation's kind of act, but no speech act: the speaker's body examines
    m = mentions('" Dua orang itu juga diperiksa sebagai saksi untuk tersangka Andi Agustinus, " kata Juru Bicara '
                 "KPK Febri Diansyah.", "ACCUSE")[0]
    assert m.actors == ["KPK"], m.actors


@pytest.mark.parametrize("text", [
    '" Masyarakat diminta segera melaporkan kasus itu kepada polisi, " ujar Budi Santoso.',
    '" He was asked to hand over the documents by Friday, " said Senator John Smith on Monday.',
])
def test_the_speaker_does_not_make_the_request_he_tells_in_the_passive(text):
    # the passive names the one asked and leaves out who asked: the one telling it is not the one asking
    m = mentions(text, "REQUEST")[0]
    assert not m.actors, m.actors


def test_the_speaker_still_makes_the_request_he_tells_in_the_active():
    m = mentions('" We ask him to hand over the documents by Friday, " said Senator John Smith on Monday.',
                 "REQUEST")[0]
    assert m.actors == ["John Smith"], m.actors


@pytest.mark.parametrize("text, type_, target", [
    ("BP has come under heavy criticism from the White House for its handling of the spill.", "ACCUSE", "BP"),
    ("The company is under investigation by federal prosecutors.", "ACCUSE", "company"),
])
def test_who_comes_under_criticism_or_is_under_investigation_is_its_target(text, type_, target):
    m = mentions(text, type_)[0]
    assert m.targets == [target], m.targets




def test_under_a_deal_before_the_clause_is_no_one_receiving_it():
    # "under" the terms of a deal, before the clause: not what the clause's subject receives
    from linimasa.events.frames import frame
    from linimasa.syntax import parse

    text = "Under the deal, Iran will release the sailors."
    p = next(iter(parse([(0, text)], "en")))
    f = frame(p, text.index("deal"), text.index("deal") + 4, "en", True, "AGREE")
    assert "under" not in f.how and not any(t.text == "Iran" for t in f.targets), (f.how, f.targets)


@pytest.mark.parametrize("text, trigger", [
    ("Melansir AFP, kelompok pembela hak asasi manusia internasional dan aktivis China sebelumnya telah mendesak "
     "Beijing agar membebaskan Liu.", "mendesak"),
    ("Mengutip Reuters, pemerintah Jepang mengecam peluncuran rudal Korea Utara.", "mengecam"),
])
def test_the_outlet_a_report_cites_is_no_side_of_what_it_reports(text, trigger):
    m = next(m for m in events_of(text, "2017-10-10") if m.trigger == trigger)
    assert m.actors and not any(w in a for a in m.actors for w in ("AFP", "Agence", "Reuters", "Melansir", "Mengutip")), \
        m.actors


def test_pihak_and_a_party_noun_is_that_party():
    # "pihak" (the side of) before a common noun that names a party: the party; "sejumlah pihak": no one named
    m = mentions('" Kami sudah bertemu dengan pihak kepolisian, " kata Budi Santoso.', "CONSULT")[0]
    assert m.targets == ["kepolisian"], m.targets


def test_the_police_of_a_country_arrest():
    m = mentions("Tepatnya pada 27 Mei 2015, Kepolisian Swiss menangkap enam anggota Komite Eksekutif FIFA.",
                 "COERCE")[0]
    assert m.actors == ["Kepolisian Swiss"], m.actors


@pytest.mark.parametrize("text", [
    "President Barack Obama has abruptly scrapped a trip to Indonesia and Australia.",
    "The prime minister abandoned a visit to Moscow on Monday.",
])
def test_a_trip_scrapped_or_abandoned_did_not_happen(text):
    m = mentions(text, "CONSULT")[0]
    assert m.status == "negated", (m.status, m.status_cue)


def test_the_body_in_a_persons_title_is_not_arrested_with_him():
    m = mentions("Juru Bicara KPK Febri Diansyah mengatakan, Hilman diminta keterangannya terkait dengan pelarian "
                 "Ketua nonaktif Dewan Perwakilan Rakyat (DPR) Setya Novanto saat akan ditangkap penyidik KPK pada "
                 "pertengahan November 2017.", "THREATEN")
    assert all("DPR" not in t and "Dewan Perwakilan Rakyat" not in t for x in m for t in x.targets), \
        [x.targets for x in m]


def test_a_dated_clause_keeps_its_subject_as_the_actor():
    m = mentions("Komisi Pemberantasan Korupsi (KPK) pada Sabtu kemarin (15/10) di Kebumen, Jawa Tengah, menangkap "
                 "tangan dua orang terkait kasus suap.", "COERCE")[0]
    assert m.actors == ["Komisi Pemberantasan Korupsi"]


@pytest.mark.parametrize("text,target", [
    ("Japan pledged $100 million to Haiti.", "Haiti"),
    ("The union agreed to the government's offer.", "government"),
])
def test_whom_a_pledge_or_an_agreement_is_made_to_is_its_target(text, target):
    m = mentions(text, "AGREE")[0]
    assert target in m.targets


@pytest.mark.parametrize(("text", "type_", "target"), [
    ("Fannie Mae, which was seized by the government last month, reported a loss.", "COERCE", "Fannie Mae"),
    ("John Smith, who was arrested by police on Monday, said he was innocent.", "COERCE", "John Smith"),
])
def test_the_speaker_takes_part_in_what_a_relative_clause_about_him_tells(text, type_, target):
    """The speaker is left out of what he reports, not of what the clause that describes him tells."""
    assert mentions(text, type_)[0].targets == [target]


def test_talks_told_in_a_relative_clause_have_the_clause_s_sides_only():
    """Word order reads the sides of talks from the whole sentence; a relative clause is a clause of its own."""
    found = events_of("Menteri Pertahanan AS Robert Gates, yang juga melakukan pembicaraan dengan panglima militer "
                      "Yordania, akan mengunjungi Mesir.")
    talks = next(m for m in found if m.trigger == "pembicaraan")
    visit = next(m for m in found if m.trigger == "mengunjungi")
    assert talks.actors == ["Robert Gates"] and "Egypt" not in talks.actors + talks.targets
    assert visit.actors == ["Robert Gates"] and visit.targets == ["Egypt"]


@pytest.mark.parametrize(("lang", "between", "listed"), [
    ("id", ", ", True), ("id", ", Kanselir Jerman ", True), ("id", " dan Perdana Menteri Inggris ", True),
    ("id", ", dan ", True), ("en", " and ", True), ("en", ", German Chancellor ", True),
    ("id", ", sementara ", False), ("en", ", while ", False), ("en", " said on Monday that ", False),
    ("id", ", Presiden Prancis Yang Baru Terpilih ", False),  # too long to be a title: a clause more likely
])
def test_a_name_after_a_comma_or_and_and_a_short_title_is_listed_with_the_name_before(lang, between, listed):
    from linimasa.events.arguments import _listed_after
    from linimasa.events.lexicon import lexicon

    assert _listed_after(between, lexicon(lang)) is listed


def test_counterparts_listed_after_with_are_all_counterparts():
    m = mentions("Jokowi berbicara dengan Presiden Prancis Emmanuel Macron, Kanselir Jerman Olaf Scholz dan Perdana "
                 "Menteri Inggris Rishi Sunak.", "CONSULT")[0]
    assert m.actors == ["Joko Widodo"] or m.actors == ["Jokowi"], m.actors
    assert sorted(m.targets) == ["Emmanuel Macron", "Olaf Scholz", "Rishi Sunak"], m.targets


@pytest.mark.parametrize(("text", "target"), [
    # the subject of what is asked is who is asked, though the parse called it a passive subject
    ("Presiden meminta agar Jonan lebih tanggap melihat pilihan masyarakat.", ["Jonan"]),
    # not where the clause is passive by its form: Jonan is examined, the police are not named as asked
    ("Presiden meminta agar Jonan diperiksa polisi.", []),
    # a party's cadres are a party
    ("Megawati memerintahkan kepada semua kader agar mendukung kebijakan Jokowi.", ["kader"]),
])
def test_who_is_asked_in_an_indonesian_request(text, target):
    assert mentions(text, "REQUEST")[0].targets == target


@pytest.mark.parametrize(("text", "type_", "actor"), [
    # a relative clause whose passive light verb names the doer right after it, without "oleh"
    ("Korban jiwa terus berjatuhan akibat serangan udara yang dilancarkan Israel di wilayah Jalur Gaza.", "ASSAULT",
     "Israel"),
    ("Sanksi yang dijatuhkan Amerika Serikat terhadap Iran mulai berlaku.", "SANCTION", "United States"),
])
def test_the_passive_light_verb_of_an_event_noun_names_its_doer_without_oleh(text, type_, actor):
    assert mentions(text, type_)[0].actors == [actor]


def test_a_clause_with_a_relative_subject_is_a_relative_clause_whatever_the_parse_calls_it():
    """The parse made "yang mengecam ..." a conjunct of Rice's title: its subject is still Rice."""
    m = mentions("Menteri Luar Negeri Amerika Serikat Condoleezza Rice, yang mengecam keras penangkapan terhadap "
                 "Tsvangirai, sebelumnya menggambarkan Zimbabwe sebagai pos terdepan tirani.", "ACCUSE")[0]
    assert m.actors == ["Condoleezza Rice"]


def test_a_modifier_that_names_no_one_does_not_hide_who_claims_the_attack():
    """"serangan udara": "udara" counts as a doer only if it names someone; the one responsible still attacked."""
    m = mentions("Pasukan itu menyatakan bertanggung jawab atas serangan udara di Tripoli.", "ASSAULT")[0]
    assert m.actors == ["pasukan"]


def test_the_owner_of_what_is_criticised_is_the_one_named_before_when_definite():
    m = mentions("BP said on Monday it would pay for the cleanup. The Obama administration has also criticized the "
                 "company's response to the crisis.", "ACCUSE")[0]
    assert m.targets == ["BP"]


def test_acts_of_one_type_done_to_different_sides_are_different_events():
    """One mention per type and status in a sentence joins what its triggers name, unless others act or others
    undergo it: the attacks on soldiers are not the attacks on militants."""
    found = [m for m in events_of("Insiden ini menyusul serangkaian serangan terhadap tentara dan polisi di Perancis "
                                  "dan negara-negara yang ikut menyerang militan di Irak dan Suriah.")
             if m.type == "ASSAULT"]
    assert sorted(sorted(m.targets) for m in found) == [["militan"], ["polisi", "tentara"]], found


def test_criticism_from_a_political_group_is_theirs():
    m = mentions("Those provisions prompted sharp criticism from Republicans.", "ACCUSE")[0]
    assert m.actors == ["Republicans"] and m.targets == []


def test_trades_and_makers_named_by_a_common_noun_take_part():
    m = mentions("Brokers and bankers rejected the plan on Monday.", "REJECT")[0]
    assert m.actors == ["brokers", "bankers"]
    m = mentions("Automakers appealed to Congress for bailout funds.", "REQUEST")[0]
    assert m.actors == ["automakers"]


@pytest.mark.parametrize(("text", "trigger", "actor"), [
    ("President Barack Obama met oil executives on Monday. The president rejected criticism that the government had "
     "been slow.", "rejected", "Barack Obama"),
    # the noun with its modifiers is the title: "the prime minister" is not the Foreign Secretary named after him
    ("Prime Minister Gordon Brown and Foreign Secretary David Miliband flew to Kabul. The prime minister met the "
     "Afghan president there.", "met", "Gordon Brown"),
])
def test_a_definite_title_is_the_person_the_text_titled_so(text, trigger, actor):
    m = [e for e in events_of(text) if e.trigger == trigger]
    assert m and m[0].actors == [actor]


def test_a_title_no_one_was_given_stays_a_common_noun():
    """No one was titled "president" before: the noun is all the text says."""
    m = [e for e in events_of("Senator John Kerry spoke first. The president rejected the criticism.")
         if e.trigger == "rejected"]
    assert m and m[0].actors == ["president"]


def test_it_is_not_a_name_that_only_modifies_a_noun_of_its_own_clause():
    """'Under U.S. political pressure, it agreed': BP, named before, not the United States; in another clause a
    modifier may still be what "it" stands for ('U.S. officials said it would impose sanctions')."""
    agreed = [m for m in events_of(
        "Shareholders are worried about how much BP will have to pay for the mess in the Gulf of Mexico. Under U.S. "
        "political pressure, it agreed last week to set up a fund to pay damages to victims.") if m.trigger == "agreed"]
    assert agreed and "United States" not in agreed[0].actors
    threat = [m for m in events_of("Iran tested a missile. U.S. officials said it would impose new sanctions on Iran.")
              if m.trigger == "sanctions"]
    assert threat and threat[0].actors == ["United States"]
