"""Event codes (a CAMEO-like subset) and the trigger phrases of each."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Code:
    """What a trigger means: PLOVER type, mode, CAMEO code and Goldstein score."""

    type: str
    mode: str | None
    cameo: str
    score: float


MEET = Code("CONSULT", "meet", "040", 1.0)
PHONE = Code("CONSULT", "phone", "041", 1.0)
VISIT = Code("CONSULT", "visit", "042", 1.9)
HOST = Code("CONSULT", "host", "043", 2.8)
THIRD_PLACE = Code("CONSULT", "meet", "044", 2.5)
MEDIATE = Code("CONSULT", "mediate", "045", 5.0)
NEGOTIATE = Code("CONSULT", "negotiate", "046", 7.0)
INTENT = Code("AGREE", "intent", "030", 4.0)
INTENT_ECONOMIC = Code("AGREE", "intent", "0311", 5.2)
AGREEMENT = Code("AGREE", "agree", "032", 4.5)
SIGN = Code("AGREE", "sign", "057", 8.0)
PRAISE = Code("SUPPORT", "praise", "051", 3.4)
COOPERATE = Code("COOPERATE", None, "060", 6.0)
AID = Code("AID", None, "070", 7.0)
AID_ECONOMIC = Code("AID", "economic", "071", 7.4)
APPEAL = Code("REQUEST", "appeal", "020", 3.0)
DEMAND = Code("REQUEST", "demand", "100", -5.0)
CRITICIZE = Code("ACCUSE", "criticize", "111", -2.0)
ACCUSE = Code("ACCUSE", "accuse", "112", -2.0)
SUMMON = Code("ACCUSE", "summon", "110", -2.0)
REJECT = Code("REJECT", None, "120", -4.0)
THREATEN = Code("THREATEN", None, "130", -4.4)
PROTEST = Code("PROTEST", None, "140", -6.5)
MOBILIZE = Code("MOBILIZE", None, "150", -7.2)
BREAK_RELATIONS = Code("SANCTION", "relations", "161", -4.0)
SANCTION = Code("SANCTION", "sanction", "163", -8.0)
COERCE = Code("COERCE", None, "170", -7.0)
EXPEL = Code("COERCE", "expel", "174", -5.0)
ASSAULT = Code("ASSAULT", None, "180", -9.0)
FIGHT = Code("ASSAULT", "fight", "190", -10.0)

TRIGGERS: dict[Code, tuple[str, ...]] = {
    MEET: (
        "met",
        "meet",
        "meets",
        "meeting",
        "talks",
        "held talks",
        "consultations",
        "consulted",
        "discussed",
        "discuss",
        "discusses",
        "discussion",
        "discussions",
        "exchanged views",
        "summit",
        "conferred",
    ),
    PHONE: (
        "phone call",
        "telephone call",
        "telephone conversation",
        "phone conversation",
        "spoke by phone",
        "spoke by telephone",
        "spoke with",
        "spoke to",
        "call with",
        "phoned",
        "telephoned",
    ),
    VISIT: (
        "visit",
        "visited",
        "visiting",
        "paid a visit",
        "trip to",
        "travel to",
        "traveled to",
        "travelled to",
        "arrived in",
        "official visit",
        "state visit",
    ),
    HOST: ("hosted", "hosting", "received a delegation", "welcomed the delegation"),
    MEDIATE: ("mediate", "mediated", "mediation", "mediating"),
    NEGOTIATE: ("negotiate", "negotiated", "negotiating", "negotiation", "negotiations"),
    INTENT: (
        "intend to",
        "intends to",
        "intention to",
        "plan to",
        "plans to",
        "pledged to",
        "pledge to",
        "committed to",
        "commit to",
        "expressed readiness",
        "expressed willingness",
        "ready to",
        "look forward to",
        "looks forward to",
        "vowed to",
        "promised to",
        "will cooperate",
        "will work together",
        "will deepen",
        "will strengthen",
        "will expand",
    ),
    AGREEMENT: (
        "agreed to",
        "agreed on",
        "agreed upon",
        "agreed that",
        "reached agreement",
        "reached agreements",
        "reached an agreement",
        "reached a consensus",
        "agreement on",
    ),
    SIGN: (
        "signed",
        "sign",
        "to sign",
        "will sign",
        "signing",
        "inked",
        "ratified",
        "concluded an agreement",
    ),
    PRAISE: (
        "praised",
        "praises",
        "praise",
        "hailed",
        "hails",
        "commended",
        "commends",
        "appreciates",
        "appreciated",
        "appreciation",
        "welcomed",
        "welcomes",
        "thanked",
        "congratulated",
        "congratulates",
        "endorsed",
        "endorses",
        "supported",
        "supports",
        "support for",
        "expressed support",
        "reaffirmed support",
        "unwavering support",
        "backing",
    ),
    COOPERATE: (
        "cooperated with",
        "joint exercise",
        "joint exercises",
        "joint military exercises",
        "shared intelligence",
        "extradited",
    ),
    AID: (
        "humanitarian assistance",
        "humanitarian aid",
        "provided aid",
        "provided assistance",
        "aid to",
        "assistance to",
        "military aid",
        "military assistance",
        "relief supplies",
    ),
    AID_ECONOMIC: (
        "donated",
        "donation",
        "donations",
        "donor",
        "donors",
        "economic aid",
        "financial assistance",
        "financial aid",
        "economic assistance",
        "grant aid",
        "loan to",
    ),
    APPEAL: (
        "called on",
        "calls on",
        "call on",
        "urged",
        "urges",
        "appealed to",
        "appeals to",
        "requested",
        "asked",
        "invited",
    ),
    DEMAND: ("demanded", "demands", "demand that", "ultimatum"),
    CRITICIZE: (
        "criticized",
        "criticised",
        "criticizes",
        "criticises",
        "criticism",
        "condemned",
        "condemns",
        "condemnation",
        "denounced",
        "denounces",
        "deplored",
    ),
    ACCUSE: ("accused", "accuses", "accusing", "blamed", "blames"),
    SUMMON: ("summoned",),
    REJECT: (
        "rejected",
        "rejects",
        "refused",
        "refuses",
        "dismissed",
        "vetoed",
        "turned down",
        "denied",
    ),
    THREATEN: ("threatened", "threatens", "threatening", "warned", "warns"),
    PROTEST: ("protested", "protests", "protest", "demonstrators", "demonstrations"),
    MOBILIZE: (
        "mobilized",
        "mobilised",
        "deployed troops",
        "massed troops",
        "military buildup",
        "troop buildup",
    ),
    BREAK_RELATIONS: (
        "broke off diplomatic relations",
        "severed ties",
        "severed diplomatic",
        "cut ties",
        "downgraded relations",
        "recalled its ambassador",
        "suspended diplomatic relations",
        "broke off relations",
    ),
    SANCTION: ("sanctions", "sanctioned", "embargo", "boycott", "tariffs on"),
    COERCE: ("arrested", "detained", "arrest warrant", "arrest warrants", "seized"),
    EXPEL: ("expelled", "expel", "expels", "expulsion", "deported", "persona non grata"),
    ASSAULT: (
        "attacked",
        "attack on",
        "attacks on",
        "bombed",
        "bombing",
        "airstrike",
        "airstrikes",
        "air strike",
        "air strikes",
        "shelled",
        "shelling",
        "invaded",
        "invasion",
        "killed",
    ),
    FIGHT: ("war against", "war on", "fighting between", "clashes between"),
}

# More specific CONSULT modes win over a plain meeting in the same sentence.
_CONSULT_RANK = {MEET: 0, PHONE: 1, VISIT: 2, HOST: 3, MEDIATE: 4, NEGOTIATE: 5}
