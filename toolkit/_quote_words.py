"""The word lists and limits shared by :mod:`toolkit.quotes` and :mod:`toolkit._quote_rules`.

They are closed-class words (determiners, auxiliaries, subordinators, pronouns) and short
lists of nouns and verbs that the attribution rules read around a cue; the open-class reporting
verbs are data, in ``lexicons/reporting_verbs.csv``. Kept apart so that the rules import plain
constants from here and only the token-level readings from :mod:`toolkit.quotes`.

Example:
    >>> "said" in _CHANNEL_WORDS, "told" in _CHANNEL_WORDS
    (False, True)
"""
from __future__ import annotations

SCARE_MAX_WORDS = 4      # a quoted phrase of at most this many words with no cue is a scare quote
FRAGMENT_MAX_WORDS = 3   # a fragment inside reported speech this short also gets a scare row
NP_MAX_TOKENS = 10
# Work per cue is bounded: rules read a sentence only within this many tokens either side of
# the token they start from, so a sentence of any length costs time and memory linear in its
# length (news sentences stay far below it). Rows of a longer sentence say so in ``problem``.
SENTENCE_REACH = 200
# A quotation open at a line break continues (a hard wrap) only if it closes within this many
# characters before a blank line.
HARD_WRAP_REACH = 5000
LONG_SENTENCE_NOTE = f"sentence over {2 * SENTENCE_REACH} tokens: read within {SENTENCE_REACH} tokens of the cue"

_DETERMINERS = frozenset("the a an this these those his her its their our my your no any every "
                         "each such 's ’s".split())
_NOUN_BLOCKERS = _DETERMINERS | frozenset("stern new latest repeated recent strong another "
                                          "first second criminal formal mass joint peaceful "
                                          "separate major big large hourlong public street "
                                          "such".split())
PRONOUNS = frozenset("he she they it we i you who which".split())
PERSON_PRONOUNS = frozenset("he she".split())
_AUX = frozenset("has have had is was were are be been being will would could can may might "
                 "'s ’s 've ’ve 'd ’d 'll ’ll "
                 "should must shall did does do also further again later then repeatedly n't n’t "
                 "reportedly previously recently once publicly privately not never always often now "
                 "already just still even only apparently separately earlier quickly".split())
_BE = frozenset("is was were are be been being".split())
# Lower-case words that can be part of a source noun phrase.
_NP_WORDS = frozenset("""
the a an his her its their our this these those another other some many several few most both all
two three four five senior former top chief deputy vice acting unnamed anonymous unidentified
official officials source sources spokesman spokeswoman spokesperson spokespeople aide aides
adviser advisers advisor advisors analyst analysts expert experts critic critics supporter
supporters voter voters observer observers leader leaders minister ministers president
secretary ambassador envoy diplomat diplomats ministry government administration department
agency office military army police prosecutor prosecutors lawyer lawyers attorney judge court
witness witnesses resident residents people officer officers commander general senator senators
lawmaker lawmakers congressman congresswoman candidate nominee chairman chairwoman chair chief
director head member members representative representatives delegation group organization
organisation party union council newspaper paper website network channel media reporter
reporters journalist journalists correspondent author authors researcher researchers scientist
scientists economist economists historian historians activist activists protester protesters
host moderator campaign committee statement report study survey poll polls letter memo
manager managers staff staffer staffers strategist strategists consultant consultants
pollster pollsters data results numbers figures records documents research analysis findings
evidence estimates surveys studies reports letters emails filings opposition rebels insurgents
foreign defence defense state national security press public white house
intelligence military kremlin presidential prime foreign-policy campaign's country countries
nation nations side parties authorities authority regime spokesmen colleague colleagues
friend friends official's governor mayor speaker king queen prince pope bishop
politician politicians advocate advocates donor donors delegate delegates organizer organizers
scholar scholars doctor doctors ad ads narrator
""".split())
_ROLE_NOUNS = frozenset("""
spokesman spokeswoman spokesperson minister president secretary ambassador envoy chancellor
premier leader chairman chairwoman governor senator diplomat official general commander
mayor king queen prince
""".split())
_BOUNDARY_CAPS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december while but and or if when as after before
although though because since so yet meanwhile however still also on at in for with by from
to of then there here thus hence instead indeed moreover furthermore nevertheless speaking
asked yes no that
""".split())
_ADDRESSEE_VERBS = frozenset("tell inform brief assure reassure warn urge ask remind promise "
                             "call press implore instruct order accuse blame".split())
# Present-tense verbs of headlines ("Minister Says Talks Failed", "Kyiv Warns Of ...").
_HEADLINE_VERBS = frozenset("say tell warn urge accuse blame claim insist vow deny admit threaten "
                            "promise pledge slam reject reveal announce explain suggest predict question praise "
                            "endorse defend mock blast demand see call".split())
# Verbs whose object is what was said, named as a topic ("talked about the wall", "questioned
# his judgment", "pointed to reports that ..."): PolNeAR attributes the object as the content.
_TOPIC_VERBS = frozenset(("talk about", "speak about", "speak of", "discuss", "mention", "question", "express",
                          "point to", "comment on", "invoke", "reference", "outline", "lay out", "tout",
                          "liken", "compare", "speak out"))
# Topic verbs whose object ends at the first clause break ("invoked the rising seas to thrill ...").
_SHORT_TOPIC_VERBS = frozenset(("speak of", "comment on", "invoke", "reference", "outline", "lay out",
                                "tout", "liken", "compare"))
_OBJECT_VERBS = frozenset(("called", "calling", "calls", "describe", "thanked", "thanking", "cite",
                           "praise", "defend", "refer to", "see", "announce", "reveal", "disclose", "confirm",
                           "declare", "portray", "depict", "characterize", "paint", "cast", "view",
                           "regard")) | _TOPIC_VERBS
# After these a topic verb is a noun ("questions about his taxes", "mention of the plan").
_NOUN_PREPOSITIONS = frozenset("about from over of on regarding for".split())
_OBJECT_CLASSES = frozenset({"accusatory", "denial", "approving", "directive", "volitional", "position",
                             "intention", "nonresponse"})
# Wishes and positions ("wants to run", "supports the bill"): the content is the object or
# infinitive up to the end of its clause, not the rest of the sentence.
_SHORT_CLASSES = frozenset({"volitional", "position", "intention"})
_NOT_SPEECH = _SHORT_CLASSES | {"nonresponse"}
_COMMENT_NOUNS = frozenset("""request requests comment comments question questions inquiry inquiries query
queries message messages call calls email emails e-mail letter letters""".split())
# A study or poll "found 31 incidents": evidence takes an object where a person's "found" does not.
_EVIDENCE_NOUNS = frozenset("""study studies poll polls survey surveys analysis analyses report reports
review audit investigation investigations data research test tests video videos footage recording recordings
records documents document figures statistics results averages images photos evidence memo filing filings
emails transcript tally estimates projections intelligence findings assessment assessments cables""".split())
_INTENTION_NEXT = frozenset("to against".split())
# Heads of an object that make "attacked/hit X for ..." the military act, not criticism
# ("attacked Kurdish fighters for their role in the bombing").
_MILITARY_OBJECTS = frozenset("""fighters fighter positions position targets target troops soldiers
bases base militants militant forces rebels insurgents guerrillas militias militia jihadists convoy
convoys outpost outposts camps camp strongholds stronghold hideouts depots installations warships
ships vessels jets aircraft tanks units army navy garrison garrisons bunkers trenches""".split())
_PLACE_PREPOSITIONS = frozenset("in on near across along inside outside around at".split())
_SHORT_END = frozenset("while whereas but although though because since as after before when "
                       "if unless until who which".split())
_TITLE_CUES = frozenset("""
book books novel novels film films movie movies documentary song songs album albums show shows
series episode episodes play poem article articles essay essays column columns op-ed editorial
headline headlines headlined titled entitled labelled labeled memoir magazine newspaper program programme slogan hashtag
""".split())
_COMPOUND_HEADS = frozenset("tank tanks conference conferences release releases briefing briefings secretary "
                            "secretaries office corps room gallery agency agencies officer center "
                            "centre line".split())
_SUBORDINATORS = frozenset("while although though whereas if when as after before since because "
                           "unless until once".split())
# Words after a reporting verb that do not start its reported clause.
_NOT_CLAUSE_START = frozenset("""
on in at during after before with to of for about from by into over under since until through
as than so very also not never no yes up down out off back again later earlier today yesterday
tomorrow last next this recently previously publicly privately repeatedly instead simply
only just even still there's such how what why when where who which
""".split())
_COLON_LABELS = frozenset("""
note update updated editor editors correction corrections photo photos source sources watch read
related video breaking exclusive disclosure warning caption credit via listen see also q a latest
revealed wow busted bombshell byline notice goal job tactic poll survey analysis opinion question
answer transcript clarification clarifications
""".split())
# Words that open an adverbial adjunct ("on Monday", "in a statement", "last week").
_ADJUNCT_START = frozenset("""
on in at during after before with to from by via through over this last next earlier later today
yesterday tonight tomorrow monday tuesday wednesday thursday friday saturday sunday recently
previously afterwards repeatedly again also then when while as according without despite
""".split())
# After a comma, these open a clause that is no longer the reported content.
_CLAUSE_BREAKERS = frozenset("after before while whereas although though because since who which "
                             "whom whose when once until unless".split())
# Heads after "according to" that mean "in accordance with", not a source.
_NOT_SOURCES = frozenset("""
circumstances needs priorities principles rules law laws charter capacities capabilities means
ability abilities conditions procedures plan plans schedule constitution mandate provisions
tradition traditions custom customs standards criteria merit merits wishes will rule
""".split())
# Words on which a noun phrase hangs inside a longer subject ("eight of 10 voters").
_ATTACHING = frozenset("of in on for at from with among representing involved to".split())
_SUBJECT_PRONOUNS = frozenset("he she they we i".split())
_GLUE = frozenset("and or but of for at to in from".split())
_WH_WORDS = frozenset("where whether when what who whom why how".split())
# A wh-clause right after a verb other than "say" is its reported content ("explained why ...",
# "knows what ..."); "when" is left out, as it opens an adjunct as often ("said when he ...").
_WH_COMPLEMENT = frozenset("where whether what who why how".split())
# Plain addressees of "told" ("told reporters the ...": the reported clause starts after them).
_ADDRESSEES = frozenset("""reporters journalists lawmakers legislators senators supporters voters
students troops crowds audiences parliament congress delegates diplomats""".split())
# A subject right after these is in a condition or a relative clause about a thing: "aid stops
# unless Kyiv requests", "the bill, which seeks to": no speech act took place.
_NESTED_CUES = frozenset(("say",))
# A verb's finite auxiliary or copula right after a reporting word makes that word a noun
# subject ("support was solid"); only "said" takes one as a relative gap ("what he said was").
_FINITE_AFTER_NOUN = frozenset("have has is was were are remained remains".split())
_FORMULAS = frozenset({("having", "said"), ("worth", "noting"), ("worth", "mentioning")})
_TIME_ADVERBS = frozenset("now today yesterday tonight".split())
_TIME_NOUNS = frozenset("""week month year weekend morning afternoon evening night spring summer fall
autumn winter monday tuesday wednesday thursday friday saturday sunday""".split())
_CONDITIONAL = frozenset("unless if lest".split())
_THING_RELATIVES = frozenset("which that".split())
# The word before a news outlet that makes it the channel of a speech ("told Reuters",
# "an interview with CNN", "said on Fox News", "wrote to The Times").
# Irregular past tenses, which an unknown-word reading takes for nouns: "The envoy spoke and
# officials said" has no subject "The envoy spoke".
_IRREGULAR_PAST = frozenset("""spoke took went came made gave held sent met stood sat ran saw got put
set wrote told said left began brought fled fought won lost struck hit threw drew flew grew knew rose
fell led kept felt heard sought thought bought caught taught meant paid laid spent built broke chose
drove ate slept woke swore bore tore wore shook forgot""".split())
_CHANNEL_WORDS = frozenset("told tells telling tell with to on".split())
# Head nouns of a news outlet the actor list may not know ("the Anadolu news agency", "the
# state broadcaster", "the daily Kommersant"): a phrase with one after "told" is a channel.
_OUTLET_NOUNS = frozenset("""agency newspaper paper daily weekly broadcaster television tv radio
channel network magazine outlet website tabloid newswire wire""".split())
# Platforms a statement is posted on ("said on Telegram", "in a post on X"); a platform is a
# channel, never a speaker or a state.
_PLATFORMS = frozenset("""telegram x twitter facebook instagram youtube tiktok vkontakte vk weibo
wechat threads linkedin substack truth""".split())
# Nouns of a posted message: "in a post on X", "in a video posted on Telegram".
_POST_NOUNS = frozenset("post posting tweet message video statement comment comments "
                        "update thread broadcast address".split())
_QUESTION_WORDS = frozenset("about whether if why what how who when where which".split())
_LEAD_ADVERBS = frozenset("however meanwhile moreover indeed instead still yet despite in fact "
                          "overall nationally separately similarly likewise also".split())
_CLAUSE_PUNCT = frozenset(", ; : ( ) — – --".split())
_SENT_FINAL = frozenset(". ! ? ...".split())

# Nouns of saying and believing that take a "that" clause after a possessor ("his claim that
# ...", "Tulsa police's earlier claim that ..."), each with the class of its verb.
SPEECH_NOUNS = {
    **dict.fromkeys("claim claims assertion assertions allegation allegations contention suggestion".split(), "hedged"),
    **dict.fromkeys("insistence emphasis argument arguments".split(), "emphatic"),
    **dict.fromkeys("warning warnings threat threats vow".split(), "warning"),
    **dict.fromkeys("promise promises pledge pledges assurance assurances".split(), "reassuring"),
    **dict.fromkeys("denial denials".split(), "denial"),
    **dict.fromkeys("admission acknowledgment acknowledgement concession".split(), "concessive"),
    **dict.fromkeys("accusation accusations charge charges complaint complaints".split(), "accusatory"),
    **dict.fromkeys("demand demands request".split(), "directive"),
    **dict.fromkeys("belief beliefs view fear fears hope hopes concern concerns expectation "
                    "recognition".split(), "cognitive"),
    **dict.fromkeys("statement announcement observation remark remarks comment comments "
                    "explanation".split(), "neutral"),
    **dict.fromkeys("conclusion finding findings".split(), "evidential"),
}

# Head nouns of a phrase that names an event or a judgement of it: after a sentence-final
# "according to X," such a phrase comments on the whole clause ("..., according to a diplomat,
# a move that angered Kestria"; "..., a setback for Orsk"), it does not describe X.
_EVENT_HEADS = frozenset("""move step setback blow decision development sign signal boost victory
defeat win loss rebuke snub escalation reversal breakthrough reminder warning concession gesture
departure shift change turn twist indication measure precedent embarrassment humiliation
outcome result first milestone blunder mistake error surprise success failure rebuff slap
climbdown u-turn retreat gamble bid attempt effort""".split())
# Words that end the head noun phrase of an appositive ("a setback for ...", "a move that ...").
_APPOSITIVE_HEAD_STOPS = frozenset("of at for in from with to by on who whom which that , ( ; :".split())
