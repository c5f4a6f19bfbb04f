"""Engagements' trigger words: the pattern that finds a possible engagement in a sentence
(checked further by `_Sentence._accept`), and the words without which an article has none."""

from __future__ import annotations

import re

from search.extract.engagements.patterns import GLAD_WORDS, LEFT_FOR

# What a speaker is glad of, to be (back) in a place: each a lookbehind of its own width.
_GLAD_TO_BE = "|".join(
    rf"(?<=\b{word}\sto\sbe\s{back})" for word in GLAD_WORDS for back in ("", "back\\s")
)
# A trigger, by kind (case-insensitive; checked further by `_Sentence._accept`).
_TRIGGER = re.compile(
    # Every trigger begins a word with one of these letters: the guard rejects other
    # positions at once, where the scan would try each alternative (2.5x faster).  So
    # does each kind's own guard, the letters its alternatives begin with, for the
    # words of the others (1.4x faster again).
    r"\b(?=[abcdfghijlmnprstvw])(?:"
    r"(?P<call>(?=[stpvcr])(?:\b(?:spoke|speaks|speak|speaking|spoken|talked)\b"
    r"(?=(?:\s+[\w.,]+){0,3}?\s+(?:with|to|by\s+(?:tele)?phone|by\s+video|"
    r"(?:on|over)\s+the\s+(?:tele)?phone)\b)"
    r"|\b(?:(?:tele)?phone|video)[\s-]*(?:calls?|conversations?|conferences?|talks)\b"
    r"|\bvideo-?conferenc\w*|\bvirtual(?:ly)?\s+(?:meeting|met|call|meet)\b|\b(?:tele)?phoned\b"
    r"|\bcalls?\s+with\b|\b(?:called|phoned|rang)\b(?!\s+(?:on|upon|for|in|it|off|out|up)\b)"
    # "held his introductory call yesterday with Republic of Korea (ROK) Minister Park"
    r"|\bcalls?(?=\s+(?:today|yesterday|tonight|this\s+(?:morning|afternoon|evening)|"
    r"on\s+(?-i:[A-Z])[a-z]+day|last\s+(?:night|week))\s+with\b)"
    # "to follow up on their February 11 call", "Monday's call" (`scanner._DATED_CALL`)
    r"|(?<=\d\s)calls?\b(?!\s+(?:for|on|upon|options?|money|rates?|loans?)\b)"
    r"|(?<=day[’']s\s)calls?\b(?!\s+(?:for|on|upon)\b)))"
    r"|(?P<sign>\b(?:signed|signs|sign|signing|inked)\b"
    # "the November 27 maritime border agreement between Turkey and Libya": a dated one
    # (`_Signings._dated_agreement`).
    r"|\bagreements?(?=\s+between\s))"
    r"|(?P<consult>(?=[cdntr])(?:\bconsultations?\b|\bdialogues?\b|\bnegotiations\b|\btalks\b|\bdiscussions?\b|(?-i:\bConsultative\s+(?:Committee|Meeting)\b)"
    # "Sudan reached a framework rescheduling agreement in 1984 with ... the Paris Club",
    # "an agreement reached between Nigeria and the Paris Club": negotiated, so met.
    r"|\breached(?=\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:agreement|accord|deal|"
    r"understanding)\b(?:\s+[\w,]+){0,4}?\s+(?:with|between)\b)"
    r"|(?:(?<=agreement\s)|(?<=accord\s)|(?<=deal\s))reached(?=\s+(?:[\w,]+\s+){0,2}?"
    r"(?:with|between)\b)))"
    r"|(?P<multi>\b(?:ministerial|summits?|conference|forum|trilateral|plenary|session|assembly)\b"
    # "will participate in the 31st UN Commission on Crime Prevention": a body's yearly
    # session named by its number
    r"|(?:(?<=\d[snrt][tdh]\s)|(?<=\d[snrt][tdh]\sUN\s)|(?<=\d\s[snrt][tdh]\sUN\s))"
    r"commission(?=\s+on\s))"
    # "was also in Washington for trade talks", "is in Rome on the fifth leg of a tour"
    r"|(?P<stay>(?=i)(?:\bin\s+(?=[A-Z])(?:[\w'’.-]+\s+){0,3}?(?:for\s+(?:(?:[a-z-]+\s+){0,2}?"
    r"(?:talks|meetings|consultations|negotiations)|an?\s+(?:official\s+|state\s+|working\s+)?"
    r"visit)|on\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:leg|stop|stage)\s+of)\b"
    r"|(?:(?<=\bbe\s)|(?<=\bbe\sback\s))in\s+(?=[A-Z])(?:[\w'’.-]+\s+){0,3}?(?:from|on|between|for)\b"
    # "It's wonderful to be back in Berlin", said there: the speaker's stay
    rf"|(?:{_GLAD_TO_BE})in\s+(?-i:[A-Z])(?:[\w'’.-]*[\w'’-])?"
    r"(?:\s+(?-i:[A-Z])(?:[\w'’.-]*[\w'’-])?){0,2}"
    # "Iranian Prime Minister Mir-Hossein Mousavi is currently in Damascus": a stay
    r"|(?:(?<=\bis\scurrently\s)|(?<=\bwas\scurrently\s))in\s+(?-i:[A-Z])(?:[\w'’.-]*[\w'’-])?"
    r"(?:\s+(?-i:[A-Z])(?:[\w'’.-]*[\w'’-])?){0,2}"
    # "Funaro, who is in Rome today", "Blinken, who's in Moldova this morning": a stay now;
    # "Secretary Blinken was in Costa Rica yesterday and today"
    r"|(?:(?<=\bwho\sis\s)|(?<=\bwho's\s)|(?<=\bwho’s\s)|(?<=\bis\s)|(?<=\bwas\s))in\s+"
    r"(?-i:[A-Z])(?:[\w'’.-]*[\w'’-])?(?:\s+(?-i:[A-Z])(?:[\w'’.-]*[\w'’-])?){0,2}"
    r"(?=,?\s+(?:today|tonight|yesterday|this\s+(?:morning|afternoon|evening|week)|now)\b)"
    # "when we were in Moldova just a couple of months ago": a trip the speaker made
    r"|(?:(?<=\bwe\swere\s)|(?<=\bI\swas\s))in\s+(?-i:[A-Z])[\w'’.-]*"
    r"(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2}"
    r"(?=\s+(?:just\s+)?(?:(?:a|two|three|four|several|some|a\s+couple\s+of)\s+(?:\w+\s+)?"
    r"(?:days|weeks|months|years)\s+ago|last\s+(?:week|month|year)|in\s+(?:19|20)\d\d)\b)))"
    r"|(?P<visit>(?=[vtaswfrldhg])(?:\b(?:visit(?:s|ed|ing)?|visted|travel(?:s|ed|led|ing|ling)?|trip|tour(?:s|ed)?|"
    r"arriv(?:e|es|ed|ing|al)|stopover)\b"
    # "Prince Charles and Princess Diana went to Saudi Arabia in November"; "flew to Moscow"
    r"|\b(?:went|flew|flies|fly|flying)(?=\s+(?:on\s+|from\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?\s+)?to\s+(?:the\s+)?[A-Z])"
    # "Secretary Blinken will first head to Phnom Penh, Cambodia on August 3rd"
    r"|\bhead(?:s|ed)?(?=\s+(?:back\s+)?to\s+(?-i:[A-Z]))"
    # "I shall be going to Washington", "a Japanese team going to Washington next week"
    r"|(?:(?<=\bbe\s)|(?<=\bis\s)|(?<=[’']s\s)|(?<=\bteam\s)|(?<=\bdelegation\s))"
    r"going(?=\s+to\s+(?-i:[A-Z]))"
    # "looks forward to returning to Australia this year"; not "the government to return
    # to Aden", "returned to Chinese rule": a trip only when looked forward to
    r"|(?<=forward\sto\s)returning(?=\s+to\s+(?:the\s+)?[A-Z])"
    # "I just returned from Kyiv with Defense Secretary Lloyd Austin", "I did recently get
    # back from Kyiv": the speaker's trip there
    r"|(?:(?<=\bI\sjust\s)|(?<=\bI\srecently\s)|(?<=\bwe\sjust\s)|(?<=\bwe\srecently\s))"
    r"(?:returned|got\s+back|came\s+back)(?=\s+from\s+(?-i:[A-Z]))"
    r"|(?<=\bI\sdid\srecently\s)get\s+back(?=\s+from\s+(?-i:[A-Z]))"
    # "Funaro is now on his way to Tokyo, where he is to arrive on Sunday for talks"
    r"|(?:(?<=\bon\shis\s)|(?<=\bon\sher\s)|(?<=\bon\stheir\s))way(?=\s+to\s+(?:the\s+)?[A-Z])"
    # "Howard leaves for Japan on Saturday", "left for Moscow today", "Okongwu left Paris
    # today for London"
    r"|\b(?:leaves?|left|leaving|departs|departed|departing|(?-i:departure))"
    rf"(?={LEFT_FOR}\s+[A-Z])"
    # "flew in from Tokyo for the talks": to where the story is filed
    r"|\bflew(?=\s+in\s+(?:from\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?\s+)?for\b)"
    # "his trip, which has already taken him to London, Paris and Bonn"
    r"|\btaken\s+(?:him|her|them)(?=\s+to\b)"
    # "a tour that has taken Herrington to Iraq, Kuwait, Qatar"
    r"|(?<=\btour\sthat\shas\s)taken(?=\s+(?-i:[A-Z])[\w.’'-]+\s+to\s+(?-i:[A-Z]))"
    # "will lead a U.S. delegation to Kyrgyz Republic, Uzbekistan ...": the trip.
    r"|\b(?:led|lead|leads|leading|headed|heads|head|heading)\s+(?:a|an|the|his|her|their)\s+"
    r"(?:[\w.’'-]+\s+){0,4}?delegations?(?=\s+to\b)"
    # "Japan is expected to send a high-level official to Washington": the sender's trip.
    r"|\b(?:send|sends|sent|sending|dispatch(?:es|ed|ing)?)\s+(?:a|an|the|its|his|her|their)\s+"
    r"(?:[\w.’'-]+\s+){0,3}?(?:officials?|delegations?|envoys?|emissary|ministers?|mission|team)"
    r"(?=\s+to\b)))"
    r"|(?P<meet>(?=[mhrwcagsjbld])(?:\b(?:met|meet|meets|meeting|meetings|hosted|hosts|host|hosting|received|"
    r"receives|welcomed|welcomes|welcome|welcoming|conferred|audience|gather|"
    r"sat\s+down|courtesy\s+calls?|see|sees|seeing)\b"
    # "leaders gathered in Madrid"; not "will share information gathered with allies"
    r"|(?<!information\s)(?<!data\s)(?<!evidence\s)(?<!intelligence\s)\bgathered\b"
    # "participates in a working breakfast with Ukrainian Foreign Minister Dmytro Kuleba"
    r"|\b(?:breakfast|lunch|luncheon|dinner|conversation)(?=\s+(?:with|in)\b)"
    # "he will join representatives from Costa Rica, Panama, Colombia, and Ecuador"
    r"|\bjoin(?:s|ed|ing)?(?=\s+(?:(?:the|other|fellow|senior|high-level|top)\s+)*"
    r"(?:representatives|officials|counterparts|ministers|leaders|delegations|delegates|"
    r"envoys|heads\s+of\s+(?:state|government|delegation))\s+(?:from|of)\b))))",
    re.I,
)
# Cheap pre-check: an article with none of these words reports no engagement.
_WORDS = frozenset(
    """spoke speaks speak speaking spoken talked phone telephone video videoconference videoconferences
    videoconferencing virtual phoned
    telephoned call calls called rang signed signs sign signing inked consultation consultations consultative dialogue
    dialogues
    negotiations talks discussions discussion reached ministerial summit summits conference forum trilateral plenary session assembly
    visit visits visted
    visited visiting travel travels traveled travelled traveling travelling trip tour tours toured
    arrive arrives arrived arriving arrival stopover went flew flies fly flying returning way
    head heads headed going
    returned got came get
    leave leaves left leaving departs departed departing departure delegation delegations taken send sends sent
    sending dispatch dispatches dispatched dispatching met meet meets meeting meetings hosted
    hosts host hosting received receives welcomed welcomes welcome welcoming conferred
    audience gather gathered sat courtesy see sees seeing join joins joined joining agreement
    agreements breakfast lunch luncheon dinner conversation""".split()
)
