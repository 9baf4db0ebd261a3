package reflex

// Codes of urlcheck: is this really the official site for this procedure?
const (
	URLOfficial       Code = "url.official"
	URLState          Code = "url.state"
	URLOtherProcedure Code = "url.other-procedure"
	URLNotOfficial    Code = "url.not-official"
	URLLookalike      Code = "url.lookalike"
	URLEmbedding      Code = "url.embedding"
	URLGouvToken      Code = "url.gouv-token"
	URLCombo          Code = "url.combo"
	URLMixedScript    Code = "url.mixed-script"
	URLUserinfo       Code = "url.userinfo"
	URLIPHost         Code = "url.ip-host"
	URLInsecure       Code = "url.insecure"
	URLShortener      Code = "url.shortener"
	URLFreeHosting    Code = "url.free-hosting"
	URLPublicSector   Code = "url.public-sector"
)

// The URL texts take these parameters, all from the catalogue's data (urlcheck):
//
//	{org}        the organisation (org.en in English when the catalogue has it)
//	{procedure}  the procedure's name (procedure.en in English)
//	{owner}      "public" or "company": whose name an address borrows (vocabulary owner)
//	{cost}       the kind of cost: free, tax, price or dues, with its value in
//	             {free} (the official site), {tax} (what is paid when only a tax or a
//	             stamp is due; tax.en in English), {price} (an amount) and {pricenote}
//	             (pricenote.en), or {dues} (what one pays there; dues.en)
//
// The cost sentences render the procedure's one cost fact, so that no text calls a
// taxed procedure free.

// The cost sentence of a text is the vocabulary word {cost:cost.here} (on the official
// site) or {cost:cost.there} (elsewhere), chosen by the cost's kind and filled with the
// value of that kind: see urlTexts.
const (
	costHere  = "[ {cost:cost.here}]"
	costThere = "[ {cost:cost.there}]"
)

var urlEntries = map[Code]entry{
	URLOfficial: {
		fr: text{"C'est un site officiel[ : {org}].", "Vous pouvez continuer sur ce site." + costHere},
		en: text{"This is an official site[: {org}].", "You can go on with this site." + costHere},
	},
	URLState: {
		fr: text{"Ce site dépend de l'État (adresse en gouv.fr).", "Vous pouvez continuer, en vérifiant que c'est bien le service dont vous avez besoin."},
		en: text{"This site belongs to the French State (a gouv.fr address).", "You can go on; check that it is the service you need."},
	},
	URLOtherProcedure: {
		fr:       text{"Ce site est officiel, mais ce n'est pas celui de cette démarche[ : {procedure}].", "Allez sur le site de la démarche. Tapez vous-même son adresse : {suggest}" + costThere},
		en:       text{"This site is official, but it is not the one for this procedure[: {procedure}].", "Use the procedure's own site. Type its address yourself: {suggest}" + costThere},
		evidence: phrase{"[{evidence} sert à : {other}]", "[{evidence} is for: {other}]"},
	},
	URLNotOfficial: {
		fr: text{"Ce site n'est pas un site officiel connu. Un site privé peut vous faire payer des frais que le site officiel ne demande pas.", "Passez par le site officiel.[ Tapez vous-même son adresse : {suggest}]" + costThere},
		en: text{"This site is not a known official site. A private site may charge you fees that the official site does not.", "Use the official site.[ Type its address yourself: {suggest}]" + costThere},
	},
	URLLookalike: {
		fr:       text{"Cette adresse imite un site officiel[ ({suggest})]. C'est le signe d'une arnaque.", "Ne saisissez rien et ne payez rien.[ Tapez vous-même l'adresse officielle : {suggest}]" + costThere},
		en:       text{"This address imitates an official site[ ({suggest})]. It is the mark of a scam.", "Do not enter anything and do not pay.[ Type the official address yourself: {suggest}]" + costThere},
		evidence: phrase{"{host}[ ({ascii})] imite {target} : {edit:edit}", "{host}[ ({ascii})] imitates {target}: {edit:edit}"},
	},
	URLEmbedding: {
		fr:       text{"Le nom d'un site officiel est glissé dans une autre adresse pour vous tromper.", "Ne saisissez rien et ne payez rien.[ Tapez vous-même l'adresse officielle : {suggest}]" + costThere},
		en:       text{"The name of an official site is slipped into another address to fool you.", "Do not enter anything and do not pay.[ Type the official address yourself: {suggest}]" + costThere},
		evidence: phrase{"{official} écrit {where:where} {host}", "{official} written {where:where} {host}"},
	},
	URLGouvToken: {
		fr:       text{"Cette adresse contient « gouv » mais n'est pas un site de l'État. Seuls les sites en .gouv.fr le sont.", "Ne saisissez rien.[ Passez par le site officiel : {suggest}]" + costThere},
		en:       text{"This address contains \"gouv\" but is not a State site. Only .gouv.fr sites are.", "Do not enter anything.[ Use the official site: {suggest}]" + costThere},
		evidence: phrase{"« {word} » dans {host}, hors de gouv.fr", "\"{word}\" in {host}, outside gouv.fr"},
	},
	URLCombo: {
		fr:       text{"Cette adresse reprend le nom {owner:owner}[ ({org})] avec d'autres mots, mais ce n'est pas son site.", "Ne cliquez pas.[ Allez vous-même sur le site officiel : {suggest}]" + costThere},
		en:       text{"This address borrows the name {owner:owner}[ ({org})] with other words, but it is not its site.", "Do not click.[ Go to the official site yourself: {suggest}]" + costThere},
		evidence: phrase{"« {brand} » {how:glued} {host}", "\"{brand}\" {how:glued} {host}"},
	},
	URLMixedScript: {
		fr:       text{"L'adresse mélange des alphabets : des lettres qui se ressemblent cachent un autre site.", "Ne saisissez rien.[ Tapez vous-même l'adresse officielle : {suggest}]"},
		en:       text{"The address mixes alphabets: look-alike letters hide another site.", "Do not enter anything.[ Type the official address yourself: {suggest}]"},
		evidence: phrase{"{host} ({ascii}) : {scripts:script}", "{host} ({ascii}): {scripts:script}"},
	},
	URLUserinfo: {
		fr: text{"L'adresse contient un « @ » : le vrai site est ce qui suit, pas ce qui précède.", "Ne cliquez pas. Tapez vous-même l'adresse du site que vous voulez."},
		en: text{"The address contains an \"@\": the real site is what follows it, not what comes before.", "Do not click. Type the address of the site you want yourself."},
	},
	URLIPHost: {
		fr: text{"L'adresse est une suite de chiffres au lieu d'un nom : les sites officiels n'en utilisent pas.", "Ne saisissez rien sur cette page."},
		en: text{"The address is a string of numbers instead of a name: official sites never use one.", "Do not enter anything on this page."},
	},
	URLInsecure: {
		fr: text{"La connexion n'est pas chiffrée (http et non https).", "N'envoyez ni mot de passe ni coordonnées bancaires sur cette page."},
		en: text{"The connection is not encrypted (http, not https).", "Do not send a password or bank details on this page."},
	},
	URLShortener: {
		fr: text{"C'est un lien raccourci : il cache l'adresse réelle du site.", "N'ouvrez pas ce lien. Allez vous-même sur le site du service concerné."},
		en: text{"This is a shortened link: it hides the real address.", "Do not open this link. Go to the service's site yourself."},
	},
	URLFreeHosting: {
		fr: text{"Ce site est hébergé sur un service où n'importe qui peut créer une adresse.", "Ne saisissez aucune information personnelle sur ce site."},
		en: text{"This site is hosted on a service where anyone can create an address.", "Do not enter any personal information on this site."},
	},
	URLPublicSector: {
		fr: text{"Cette adresse figure sur une liste de sites d'organismes publics, mais pas parmi les sites officiels vérifiés.", "Pour une démarche, préférez le site officiel de l'organisme concerné.[ Par exemple : {suggest}]"},
		en: text{"This address is on a list of public bodies' sites, but not among the verified official sites.", "For a procedure, prefer the official site of the body concerned.[ For example: {suggest}]"},
	},
}
