package reflex

// urlTexts are the words of urlcheck's texts: what a catalogue entry costs (rendered by
// urlcheck.Cost.Text from the catalogue's one cost fact), whose name an address borrows,
// and how an address imitates an official one (its evidence, rendered in the reader's
// language from the finding's Params).
var urlTexts = map[TextID]phrase{
	// The cost of a procedure, {what} and {amount} from the catalogue.
	"cost.free":  {"gratuit", "free"},
	"cost.tax":   {"{what} seulement, sans frais de service", "{what} only, with no service fee"},
	"cost.price": {"{amount:amount} {what}", "{amount:amount} {what}"},
	"cost.dues":  {"{what}, sans frais ajoutés", "{what}, with no fee added"},

	// The cost sentence of url texts ({cost:cost.here}, {cost:cost.there}).
	"cost.here.free":   {"La démarche est gratuite sur {free} : ne payez aucun frais.", "The procedure is free on {free}: pay no fee."},
	"cost.here.tax":    {"Seul coût ici, sans frais de service : {tax}.", "Only cost here, with no service fee: {tax}."},
	"cost.here.price":  {"Prix officiel : {price:amount} {pricenote}.", "Official price: {price:amount} {pricenote}."},
	"cost.here.dues":   {"On y paie {dues} sans frais ajoutés : ne payez rien à un intermédiaire.", "You pay {dues} there with no fee added: never pay a middleman."},
	"cost.there.free":  {"Cette démarche est gratuite sur {free}.", "This procedure is free on {free}."},
	"cost.there.tax":   {"Seul coût officiel, sans frais de service : {tax}.", "Only official cost, with no service fee: {tax}."},
	"cost.there.price": {"Prix officiel : {price:amount} {pricenote}.", "Official price: {price:amount} {pricenote}."},
	"cost.there.dues":  {"Sur le site officiel, on paie {dues} sans frais ajoutés.", "On the official site you pay {dues} with no fee added."},

	// Whose name an address borrows (url.combo's {owner}).
	"owner.public":  {"d'un service public", "of a public service"},
	"owner.company": {"d'une entreprise connue", "of a well-known company"},

	// How a lookalike differs from the official name (url.lookalike's {edit}).
	"edit.same":          {"la même adresse avec une autre fin", "the same address with another ending"},
	"edit.omission":      {"une lettre oubliée", "a letter left out"},
	"edit.addition":      {"une lettre ajoutée", "a letter added"},
	"edit.repetition":    {"une lettre doublée", "a letter doubled"},
	"edit.replacement":   {"une lettre changée", "a letter changed"},
	"edit.keyboard":      {"une touche voisine du clavier", "a neighbouring key of the keyboard"},
	"edit.vowel-swap":    {"une voyelle changée", "a vowel changed"},
	"edit.bit-flip":      {"une lettre changée", "a letter changed"},
	"edit.homoglyph":     {"des lettres qui se ressemblent", "look-alike letters"},
	"edit.transposition": {"deux lettres inversées", "two letters swapped"},
	"edit.hyphenation":   {"un trait d'union ajouté", "a hyphen added"},
	"edit.dot-added":     {"un point ajouté", "a dot added"},
	"edit.dot-removed":   {"un point ou un trait d'union retiré", "a dot or a hyphen removed"},
	"edit.non-latin":     {"des lettres d'un autre alphabet sous gouv.fr", "letters of another alphabet under gouv.fr"},

	// Where an official name is written in another address (url.embedding's {where}).
	"where.host":     {"dans l'adresse", "inside the address"},
	"where.path":     {"dans le chemin de l'adresse", "in the path of the address"},
	"where.userinfo": {"avant le « @ » de l'adresse", "before the \"@\" of the address"},

	// How a name is joined to other words (url.combo's {how}).
	"glued.words":  {"avec d'autres mots dans", "with other words in"},
	"glued.glued":  {"collé à d'autres lettres dans", "glued to other letters in"},
	"glued.typo":   {"mal orthographié dans", "misspelt in"},
	"glued.inside": {"dans", "in"},

	// Writing systems (url.mixed-script's {scripts}).
	"script.latin":      {"latin", "Latin"},
	"script.cyrillic":   {"cyrillique", "Cyrillic"},
	"script.greek":      {"grec", "Greek"},
	"script.armenian":   {"arménien", "Armenian"},
	"script.cherokee":   {"cherokee", "Cherokee"},
	"script.arabic":     {"arabe", "Arabic"},
	"script.hebrew":     {"hébreu", "Hebrew"},
	"script.han":        {"chinois", "Chinese"},
	"script.hiragana":   {"hiragana", "Hiragana"},
	"script.katakana":   {"katakana", "Katakana"},
	"script.hangul":     {"coréen", "Korean"},
	"script.georgian":   {"géorgien", "Georgian"},
	"script.thai":       {"thaï", "Thai"},
	"script.devanagari": {"devanagari", "Devanagari"},
	"script.other":      {"autre", "other"},
}
