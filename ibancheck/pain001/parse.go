package pain001

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/trustreflex/trustreflex/reflex"
	"golang.org/x/text/encoding/charmap"
)

// Document is an ISO 20022 customer credit transfer initiation (pain.001), the file an
// accounting or payroll tool hands to the bank to pay many creditors at once. Business
// payers may opt out of the Verification of Payee for such bulk files, which makes an
// offline check of each transfer ([Audit]) worth having. [Parse] reads versions
// pain.001.001.03 and pain.001.001.09 (and the versions between, which share their
// structure).
type Document struct {
	Version   string // "pain.001.001.03", from the namespace; "" when the file has none
	MsgID     string // GrpHdr/MsgId
	CreatedAt string // GrpHdr/CreDtTm, as written
	NbOfTxs   string // GrpHdr/NbOfTxs, as declared
	CtrlSum   string // GrpHdr/CtrlSum, as declared; "" when absent
	Initiator string // GrpHdr/InitgPty/Nm
	Payments  []PaymentInfo
}

// PaymentInfo is one PmtInf block: transfers from one debtor account on one date.
type PaymentInfo struct {
	Path          string // "PmtInf[1]": where it is in the file
	ID            string // PmtInfId
	Method        string // PmtMtd: "TRF"
	ExecutionDate string // ReqdExctnDt, plain (.03) or its Dt or DtTm (.09)
	Debtor        string // Dbtr/Nm
	DebtorIBAN    string // DbtrAcct/Id/IBAN
	DebtorBIC     string // DbtrAgt/FinInstnId/BIC (.03) or BICFI (.09)
	NbOfTxs       string // as declared; "" when absent
	CtrlSum       string // as declared; "" when absent
	Transfers     []CreditTransfer
}

// CreditTransfer is one CdtTrfTxInf: one payment to one creditor.
type CreditTransfer struct {
	Path        string // "PmtInf[1]/CdtTrfTxInf[2]": where it is in the file
	InstrID     string // PmtId/InstrId
	EndToEndID  string // PmtId/EndToEndId
	Amount      string // Amt/InstdAmt (or Amt/EqvtAmt/Amt), a decimal as written: "1250.00"
	Currency    string // its Ccy attribute
	Creditor    string // Cdtr/Nm
	CreditorID  string // Cdtr/Id/OrgId/Othr/Id or Cdtr/Id/PrvtId/Othr/Id, when given
	IBAN        string // CdtrAcct/Id/IBAN; "" for a non-IBAN account (CdtrAcct/Id/Othr)
	BIC         string // CdtrAgt/FinInstnId/BIC (.03) or BICFI (.09)
	Remittance  string // RmtInf/Ustrd
	accountElse string // CdtrAcct/Id/Othr/Id, to tell "no IBAN" from "no account"
}

// DefaultMaxBytes is the largest file [Parse] reads unless told otherwise
// ([WithMaxBytes]). A bank's own limits are in the same range (tens of MB, some
// 100 000 transfers).
const DefaultMaxBytes = 64 << 20

// DefaultMaxTransfers is the most transfers [Parse] reads unless told otherwise
// ([WithMaxTransfers]): the order of banks' own limits per file. With the bounds on
// markup, it keeps the memory of Parse and [Audit] under 256 MB for any file under
// DefaultMaxBytes (about 110 MB for 100 000 minimal transfers, the input included).
const DefaultMaxTransfers = 100_000

// Other bounds of Parse: the element depth of pain.001 is 12.
const (
	maxDepth = 32
	maxValue = 2048
)

// Errors of Parse, for errors.Is. Every error is an *[Error] that says where.
var (
	ErrTooLarge          = &reflex.Problem{ID: reflex.TextFileTooLarge, Err: errors.New("file larger than the limit")}
	ErrNotCreditTransfer = &reflex.Problem{ID: reflex.TextNotPaymentFile, Err: errors.New("not a credit transfer initiation (pain.001)")}
	ErrInvalid           = errors.New("invalid content")
	// ErrDuplicate: an element that the schema allows once appears twice in the same
	// place (two IBANs in one creditor account, two amounts, two names), or two
	// alternatives of a choice (an IBAN and another account number). Such a file is
	// ambiguous: a bank and this audit could read different values, which is how a
	// tampered file hides the attacker's IBAN. It wraps ErrInvalid.
	ErrDuplicate = fmt.Errorf("%w: element repeated where the schema allows one", ErrInvalid)
)

// Error is an error of [Parse] with its place in the file.
type Error struct {
	Line int    // 1-based line, 0 when unknown
	Path string // element path: "Document/CstmrCdtTrfInitn/PmtInf[1]/CdtTrfTxInf[3]/Amt/InstdAmt"
	// Element is, for ErrDuplicate, the repeated element's path below CstmrCdtTrfInitn:
	// "PmtInf/CdtTrfTxInf/CdtrAcct/Id/IBAN".
	Element string
	Err     error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("pain.001: ")
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Option configures [Parse].
type Option func(*parser)

// WithMaxBytes sets the largest file Parse reads (default [DefaultMaxBytes]); a larger
// one gives [ErrTooLarge].
func WithMaxBytes(n int64) Option { return func(p *parser) { p.max = n } }

// WithMaxTransfers sets the most transfers Parse reads (default [DefaultMaxTransfers]);
// a file with more gives [ErrTooLarge]. Memory grows with it, about 1.2 kB a transfer
// for Parse and Audit.
func WithMaxTransfers(n int) Option { return func(p *parser) { p.maxTransfers = n } }

// Parse reads a pain.001 file. It streams (the file is never held whole in memory),
// ignores namespaces and prefixes, reads at most the size limit, and stops at the
// first malformed element with an *[Error] that gives its line and element path.
// It does not check the control totals: see [Document.ControlErrors].
func Parse(r io.Reader, opts ...Option) (*Document, error) {
	p := &parser{max: DefaultMaxBytes, maxTransfers: DefaultMaxTransfers, doc: &Document{}}
	for _, o := range opts {
		o(p)
	}
	p.lr = &io.LimitedReader{R: r, N: p.max + 1}
	p.dec = xml.NewDecoder(&markupGuard{r: p.lr})
	p.dec.CharsetReader = charsetReader
	if err := p.run(); err != nil {
		return nil, err
	}
	return p.doc, nil
}

// charsetReader decodes the 8-bit encodings some accounting software still declares
// (the EPC asks for UTF-8, which needs no decoding).
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1":
		return charmap.ISO8859_1.NewDecoder().Reader(input), nil
	case "iso-8859-15", "iso8859-15", "latin9", "latin-9":
		return charmap.ISO8859_15.NewDecoder().Reader(input), nil
	case "windows-1252", "cp1252":
		return charmap.Windows1252.NewDecoder().Reader(input), nil
	}
	return nil, fmt.Errorf("encoding %q not supported (use UTF-8)", label)
}

type parser struct {
	max int64
	// maxTransfers bounds the transfers of the file; transfers counts them.
	maxTransfers, transfers int
	lr                      *io.LimitedReader
	dec                     *xml.Decoder
	doc                     *Document
	stack                   []string // local names from the root
	shown                   []string // the same with indices: "PmtInf[2]"
	rel                     string   // the path below CstmrCdtTrfInitn: "PmtInf/CdtTrfTxInf/Amt"
	cuts                    []int    // len(rel) before each open element
	text                    strings.Builder
	attrs                   map[string]string // of the innermost open element
	pi                      *PaymentInfo
	tx                      *CreditTransfer
	seen                    bool // CstmrCdtTrfInitn was found
	// children[i] lists the known elements (see occurs) already met inside the open
	// element i, each once: the duplicate and choice checks.
	children [][]string
}

func (p *parser) fail(err error) error {
	line, _ := p.dec.InputPos()
	if p.lr.N <= 0 {
		err = fmt.Errorf("%w (%d bytes)", ErrTooLarge, p.max)
	}
	return &Error{Line: line, Path: strings.Join(p.shown, "/"), Err: err}
}

func (p *parser) invalid(format string, args ...any) error {
	return p.fail(fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...)))
}

func (p *parser) run() error {
	for {
		tok, err := p.dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return p.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := p.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			if err := p.end(); err != nil {
				return err
			}
		case xml.CharData:
			if p.text.Len()+len(t) > maxValue {
				return p.invalid("value longer than %d bytes", maxValue)
			}
			p.text.Write(t)
		case xml.Directive:
			return p.invalid("DTD or entity declaration not allowed")
		}
	}
	if p.lr.N <= 0 {
		return p.fail(ErrTooLarge)
	}
	if !p.seen {
		return p.fail(fmt.Errorf("%w: empty file or no CstmrCdtTrfInitn", ErrNotCreditTransfer))
	}
	return p.finish()
}

func (p *parser) start(t xml.StartElement) error {
	name := t.Name.Local
	if len(p.stack) >= maxDepth {
		return p.invalid("elements nested deeper than %d", maxDepth)
	}
	shown := name
	p.cuts = append(p.cuts, len(p.rel))
	switch {
	case len(p.stack) == 2:
		p.rel = name
	case len(p.stack) > 2:
		p.rel = p.rel + "/" + name
	}
	switch key := p.rel; {
	case len(p.stack) == 0:
		if p.doc.Payments != nil || p.seen {
			return p.invalid("a second root element")
		}
		if name != "Document" {
			return p.fail(fmt.Errorf("%w: root element is %s, not Document", ErrNotCreditTransfer, name))
		}
		if i := strings.LastIndex(t.Name.Space, "pain.001."); i >= 0 {
			p.doc.Version = t.Name.Space[i:]
		} else if t.Name.Space != "" {
			return p.fail(fmt.Errorf("%w: namespace %q", ErrNotCreditTransfer, t.Name.Space))
		}
	case len(p.stack) == 1:
		if name != "CstmrCdtTrfInitn" {
			return p.fail(fmt.Errorf("%w: found %s", ErrNotCreditTransfer, name))
		}
		if p.seen {
			return p.invalid("a second CstmrCdtTrfInitn")
		}
		p.seen = true
	case key == "PmtInf":
		p.doc.Payments = append(p.doc.Payments, PaymentInfo{})
		p.pi = &p.doc.Payments[len(p.doc.Payments)-1]
		shown = fmt.Sprintf("PmtInf[%d]", len(p.doc.Payments))
		p.pi.Path = shown
	case key == "PmtInf/CdtTrfTxInf":
		if p.transfers++; p.transfers > p.maxTransfers {
			return p.fail(fmt.Errorf("%w: more than %d transfers", ErrTooLarge, p.maxTransfers))
		}
		p.pi.Transfers = append(p.pi.Transfers, CreditTransfer{})
		p.tx = &p.pi.Transfers[len(p.pi.Transfers)-1]
		shown = fmt.Sprintf("CdtTrfTxInf[%d]", len(p.pi.Transfers))
		p.tx.Path = p.pi.Path + "/" + shown
	}
	if err := p.checkOccurrence(name); err != nil {
		return err
	}
	p.stack = append(p.stack, name)
	p.shown = append(p.shown, shown)
	p.text.Reset()
	clear(p.attrs)
	for _, a := range t.Attr {
		if p.attrs == nil {
			p.attrs = map[string]string{}
		}
		p.attrs[a.Name.Local] = a.Value
	}
	return nil
}

// end stores the value of a closing element, by its path below CstmrCdtTrfInitn.
func (p *parser) end() error {
	v := strings.TrimSpace(p.text.String())
	p.text.Reset()
	var err error
	if len(p.stack) > 2 {
		err = p.store(p.rel, v)
	}
	if err == nil && len(p.stack) == 3 && p.stack[2] == "PmtInf" {
		err = p.endPaymentInfo()
	}
	if err == nil && len(p.stack) == 4 && p.stack[2] == "PmtInf" && p.stack[3] == "CdtTrfTxInf" {
		err = p.endTransfer()
	}
	if err != nil {
		return err
	}
	p.stack, p.shown = p.stack[:len(p.stack)-1], p.shown[:len(p.shown)-1]
	p.children = p.children[:len(p.children)-1]
	p.rel, p.cuts = p.rel[:p.cuts[len(p.cuts)-1]], p.cuts[:len(p.cuts)-1]
	return nil
}

func (p *parser) store(key, v string) error {
	d, pi, tx := p.doc, p.pi, p.tx
	set := func(dst *string) error { *dst = v; return nil }
	switch key {
	case "GrpHdr/MsgId":
		return set(&d.MsgID)
	case "GrpHdr/CreDtTm":
		return set(&d.CreatedAt)
	case "GrpHdr/NbOfTxs":
		return p.count(&d.NbOfTxs, v)
	case "GrpHdr/CtrlSum":
		return p.decimal(&d.CtrlSum, v, 17)
	case "GrpHdr/InitgPty/Nm":
		return set(&d.Initiator)
	case "PmtInf/PmtInfId":
		return set(&pi.ID)
	case "PmtInf/PmtMtd":
		return set(&pi.Method)
	case "PmtInf/ReqdExctnDt", "PmtInf/ReqdExctnDt/Dt", "PmtInf/ReqdExctnDt/DtTm":
		if v == "" && key == "PmtInf/ReqdExctnDt" && pi.ExecutionDate != "" {
			return nil // the wrapper of Dt (.09) closes after it
		}
		return set(&pi.ExecutionDate)
	case "PmtInf/Dbtr/Nm":
		return set(&pi.Debtor)
	case "PmtInf/DbtrAcct/Id/IBAN":
		return set(&pi.DebtorIBAN)
	case "PmtInf/DbtrAgt/FinInstnId/BIC", "PmtInf/DbtrAgt/FinInstnId/BICFI":
		return set(&pi.DebtorBIC)
	case "PmtInf/NbOfTxs":
		return p.count(&pi.NbOfTxs, v)
	case "PmtInf/CtrlSum":
		return p.decimal(&pi.CtrlSum, v, 17)
	case "PmtInf/CdtTrfTxInf/PmtId/InstrId":
		return set(&tx.InstrID)
	case "PmtInf/CdtTrfTxInf/PmtId/EndToEndId":
		return set(&tx.EndToEndID)
	case "PmtInf/CdtTrfTxInf/Amt/InstdAmt", "PmtInf/CdtTrfTxInf/Amt/EqvtAmt/Amt":
		if tx.Amount != "" {
			return p.invalid("a second amount")
		}
		tx.Currency = p.attrs["Ccy"]
		if len(tx.Currency) != 3 || strings.Trim(tx.Currency, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" { // ISO 4217: [A-Z]{3}
			return p.invalid("currency %q is not a 3-letter code", tx.Currency)
		}
		return p.decimal(&tx.Amount, v, 5)
	case "PmtInf/CdtTrfTxInf/Cdtr/Nm":
		return set(&tx.Creditor)
	case "PmtInf/CdtTrfTxInf/Cdtr/Id/OrgId/Othr/Id", "PmtInf/CdtTrfTxInf/Cdtr/Id/PrvtId/Othr/Id":
		if tx.CreditorID == "" {
			return set(&tx.CreditorID)
		}
	case "PmtInf/CdtTrfTxInf/CdtrAcct/Id/IBAN":
		return set(&tx.IBAN)
	case "PmtInf/CdtTrfTxInf/CdtrAcct/Id/Othr/Id":
		return set(&tx.accountElse)
	case "PmtInf/CdtTrfTxInf/CdtrAgt/FinInstnId/BIC", "PmtInf/CdtTrfTxInf/CdtrAgt/FinInstnId/BICFI":
		return set(&tx.BIC)
	case "PmtInf/CdtTrfTxInf/RmtInf/Ustrd":
		if tx.Remittance != "" {
			if len(tx.Remittance)+1+len(v) > maxValue {
				return p.invalid("remittance information longer than %d bytes", maxValue)
			}
			v = tx.Remittance + " " + v
		}
		return set(&tx.Remittance)
	}
	return nil
}

func (p *parser) endPaymentInfo() error {
	if len(p.pi.Transfers) == 0 {
		return p.invalid("no CdtTrfTxInf")
	}
	p.pi = nil
	return nil
}

func (p *parser) endTransfer() error {
	switch {
	case p.tx.Amount == "":
		return p.invalid("no amount (Amt/InstdAmt)")
	case p.tx.IBAN == "" && p.tx.accountElse == "":
		return p.invalid("no creditor account (CdtrAcct/Id/IBAN)")
	}
	p.tx = nil
	return nil
}

func (p *parser) finish() error {
	switch {
	case p.doc.MsgID == "":
		return p.fail(fmt.Errorf("%w: no GrpHdr/MsgId", ErrInvalid))
	case p.doc.NbOfTxs == "":
		return p.fail(fmt.Errorf("%w: no GrpHdr/NbOfTxs", ErrInvalid))
	case len(p.doc.Payments) == 0:
		return p.fail(fmt.Errorf("%w: no PmtInf", ErrInvalid))
	}
	return nil
}

// count checks a NbOfTxs: 1 to 15 digits.
func (p *parser) count(dst *string, v string) error {
	if len(v) == 0 || len(v) > 15 || strings.Trim(v, "0123456789") != "" {
		return p.invalid("%q is not a number of transactions", v)
	}
	*dst = v
	return nil
}

// decimal checks an amount or a control sum as the schema writes it: digits, an
// optional point and at most frac decimals, at most 18 digits in all. "12,50" and
// "1e3" are refused.
func (p *parser) decimal(dst *string, v string, frac int) error {
	if !isDecimal(v, frac) {
		return p.invalid("%q is not an amount (digits, a point, at most %d decimals)", v, frac)
	}
	*dst = v
	return nil
}

func isDecimal(v string, frac int) bool {
	whole, fraction, dot := strings.Cut(v, ".")
	digits := func(s string) bool { return strings.Trim(s, "0123456789") == "" }
	return whole != "" && digits(whole) && digits(fraction) && (!dot || fraction != "") &&
		len(fraction) <= frac && len(whole)+len(fraction) <= 18
}

// ControlError is a control total of the file that does not match its transfers: a
// truncated file, a transfer added or an amount changed after the file was made.
type ControlError struct {
	Path     string // "GrpHdr" or "PmtInf[2]"
	Field    string // "NbOfTxs" or "CtrlSum"
	Declared string
	Actual   string
}

func (e ControlError) Error() string {
	return fmt.Sprintf("pain.001: %s/%s is %s but the transfers give %s", e.Path, e.Field, e.Declared, e.Actual)
}

// ControlErrors checks the declared numbers of transfers (NbOfTxs) and control sums
// (CtrlSum, the sum of the amounts whatever their currency) of the group header and of
// every PmtInf against the transfers. Sums are exact decimals, never floats.
func (d *Document) ControlErrors() []ControlError {
	var out []ControlError
	check := func(path, nb, sum string, count int, total *big.Rat) {
		if nb != "" {
			if n, err := strconv.ParseInt(nb, 10, 64); err != nil || n != int64(count) {
				out = append(out, ControlError{path, "NbOfTxs", nb, strconv.Itoa(count)})
			}
		}
		if sum != "" {
			if s, ok := new(big.Rat).SetString(sum); !ok || s.Cmp(total) != 0 {
				out = append(out, ControlError{path, "CtrlSum", sum, formatSum(total)})
			}
		}
	}
	all, count := new(big.Rat), 0
	for _, pi := range d.Payments {
		sum := new(big.Rat)
		for _, tx := range pi.Transfers {
			if a, ok := new(big.Rat).SetString(tx.Amount); ok {
				sum.Add(sum, a)
			}
		}
		check(pi.Path, pi.NbOfTxs, pi.CtrlSum, len(pi.Transfers), sum)
		all.Add(all, sum)
		count += len(pi.Transfers)
	}
	check("GrpHdr", d.NbOfTxs, d.CtrlSum, count, all)
	return out
}

// formatSum writes an exact sum of amounts (at most 5 decimals each) with the
// decimals it needs, at least two: "1250.00", "0.125".
func formatSum(r *big.Rat) string {
	s := r.FloatString(5)
	s = strings.TrimRight(s, "0")
	if i := strings.IndexByte(s, '.'); len(s)-i-1 < 2 {
		s += strings.Repeat("0", 2-(len(s)-i-1))
	}
	return s
}

// How often an element the audit reads may occur inside its parent, by its path below
// CstmrCdtTrfInitn, as pain.001.001.03 and .09 define it: once, unless listed as
// repeated. Elements the audit does not read are not checked (the bank's validation
// judges them); every one it reads, and every element on the way to it, is.
const (
	once     = 1
	repeated = 2
)

var occurs = map[string]int{
	"GrpHdr": once, "GrpHdr/MsgId": once, "GrpHdr/CreDtTm": once, "GrpHdr/NbOfTxs": once,
	"GrpHdr/CtrlSum": once, "GrpHdr/InitgPty": once, "GrpHdr/InitgPty/Nm": once,

	"PmtInf": repeated, "PmtInf/PmtInfId": once, "PmtInf/PmtMtd": once, "PmtInf/NbOfTxs": once,
	"PmtInf/CtrlSum": once, "PmtInf/ReqdExctnDt": once, "PmtInf/ReqdExctnDt/Dt": once,
	"PmtInf/ReqdExctnDt/DtTm": once, "PmtInf/Dbtr": once, "PmtInf/Dbtr/Nm": once,
	"PmtInf/DbtrAcct": once, "PmtInf/DbtrAcct/Id": once, "PmtInf/DbtrAcct/Id/IBAN": once,
	"PmtInf/DbtrAgt": once, "PmtInf/DbtrAgt/FinInstnId": once, "PmtInf/DbtrAgt/FinInstnId/BIC": once,
	"PmtInf/DbtrAgt/FinInstnId/BICFI": once,

	"PmtInf/CdtTrfTxInf": repeated, "PmtInf/CdtTrfTxInf/PmtId": once,
	"PmtInf/CdtTrfTxInf/PmtId/InstrId": once, "PmtInf/CdtTrfTxInf/PmtId/EndToEndId": once,
	"PmtInf/CdtTrfTxInf/Amt": once, "PmtInf/CdtTrfTxInf/Amt/InstdAmt": once,
	"PmtInf/CdtTrfTxInf/Amt/EqvtAmt": once, "PmtInf/CdtTrfTxInf/Amt/EqvtAmt/Amt": once,
	"PmtInf/CdtTrfTxInf/Cdtr": once, "PmtInf/CdtTrfTxInf/Cdtr/Nm": once, "PmtInf/CdtTrfTxInf/Cdtr/Id": once,
	"PmtInf/CdtTrfTxInf/Cdtr/Id/OrgId": once, "PmtInf/CdtTrfTxInf/Cdtr/Id/PrvtId": once,
	"PmtInf/CdtTrfTxInf/Cdtr/Id/OrgId/Othr": repeated, "PmtInf/CdtTrfTxInf/Cdtr/Id/OrgId/Othr/Id": once,
	"PmtInf/CdtTrfTxInf/Cdtr/Id/PrvtId/Othr": repeated, "PmtInf/CdtTrfTxInf/Cdtr/Id/PrvtId/Othr/Id": once,
	"PmtInf/CdtTrfTxInf/CdtrAcct": once, "PmtInf/CdtTrfTxInf/CdtrAcct/Id": once,
	"PmtInf/CdtTrfTxInf/CdtrAcct/Id/IBAN": once, "PmtInf/CdtTrfTxInf/CdtrAcct/Id/Othr": once,
	"PmtInf/CdtTrfTxInf/CdtrAcct/Id/Othr/Id": once,
	"PmtInf/CdtTrfTxInf/CdtrAgt":             once, "PmtInf/CdtTrfTxInf/CdtrAgt/FinInstnId": once,
	"PmtInf/CdtTrfTxInf/CdtrAgt/FinInstnId/BIC": once, "PmtInf/CdtTrfTxInf/CdtrAgt/FinInstnId/BICFI": once,
	"PmtInf/CdtTrfTxInf/RmtInf": once, "PmtInf/CdtTrfTxInf/RmtInf/Ustrd": repeated,
}

// choices lists, by parent path, the elements of which at most one may appear there:
// the schema's xs:choice (an IBAN or another account number, an amount or its
// equivalent, ...), and BIC (.03) against BICFI (.09).
var choices = map[string][]string{
	"PmtInf/ReqdExctnDt":                    {"Dt", "DtTm"},
	"PmtInf/DbtrAcct/Id":                    {"IBAN", "Othr"},
	"PmtInf/DbtrAgt/FinInstnId":             {"BIC", "BICFI"},
	"PmtInf/CdtTrfTxInf/Amt":                {"InstdAmt", "EqvtAmt"},
	"PmtInf/CdtTrfTxInf/Cdtr/Id":            {"OrgId", "PrvtId"},
	"PmtInf/CdtTrfTxInf/CdtrAcct/Id":        {"IBAN", "Othr"},
	"PmtInf/CdtTrfTxInf/CdtrAgt/FinInstnId": {"BIC", "BICFI"},
}

// checkOccurrence is called by start once p.rel is the new element's path: it refuses
// a second occurrence of an element allowed once, or a second alternative of a choice,
// with ErrDuplicate, and records the element in its parent's children.
func (p *parser) checkOccurrence(name string) error {
	defer func() { p.children = append(p.children, nil) }()
	if len(p.stack) < 2 {
		return nil
	}
	n := occurs[p.rel]
	if n == 0 {
		return nil
	}
	seen := &p.children[len(p.children)-1]
	parent := p.rel[:p.cuts[len(p.cuts)-1]]
	for _, c := range *seen {
		if c == name {
			if n == once {
				return p.duplicate(p.rel, "")
			}
			return nil
		}
		if alts := choices[parent]; slices.Contains(alts, c) && slices.Contains(alts, name) {
			return p.duplicate(p.rel, parent+"/"+c)
		}
	}
	*seen = append(*seen, name)
	return nil
}

// duplicate is the error for the element at path met a second time, or met after
// other, an alternative of the same choice.
func (p *parser) duplicate(path, other string) error {
	err := fmt.Errorf("%w: a second %s", ErrDuplicate, path)
	if other != "" {
		err = fmt.Errorf("%w: %s and %s", ErrDuplicate, other, path)
	}
	e := p.fail(err).(*Error)
	e.Element = path
	return e
}
