//! Lines → blocks → roles (dateline, title, standfirst, headings,
//! paragraphs) → sentences. See the crate docs for the rules.

use crate::dateline::{self, Problem};
use crate::{Article, Block, BlockKind, Dateline, Diagnostic, DiagnosticKind, Sentence, Span};

/// Blocks looked at for a dateline: the header of an article.
const HEADER_BLOCKS: usize = 4;
/// A page's publication stamp is looked for in so many blocks at most…
const STAMP_BLOCKS: usize = 8;
/// …that start within so many bytes of the page's start.
const STAMP_BYTES: usize = 3000;
/// Longest line read as a dateline, in bytes.
const MAX_DATELINE_BYTES: usize = 120;
/// Longest block that can be a title or stand before a dateline, in bytes.
const MAX_TITLE_BYTES: usize = 300;
/// A line at least this long (bytes) without final punctuation, followed by
/// a line starting in lower case, is a wrapped line.
const MIN_WRAPPED_LINE_BYTES: usize = 50;
/// Headings: at most this many characters and words.
const MAX_HEADING_CHARS: usize = 80;
const MAX_HEADING_WORDS: usize = 10;

/// Whitespace for trimming: Unicode whitespace plus the BOM and zero-width
/// space, which editors leave at line starts.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// A block before roles are given: its trimmed span and how many lines.
#[derive(Debug, Clone, Copy)]
struct RawBlock {
    span: Span,
    lines: usize,
}

/// Trimmed spans of the non-blank lines, with whether a blank line (or the
/// start of the text) precedes each.
fn lines(text: &str) -> Vec<(Span, bool)> {
    let mut out = Vec::new();
    let mut breaks = LineBreaks::new(text);
    let mut start = 0;
    let mut blank_before = true;
    while start <= text.len() {
        let (end, break_len) = breaks.next_from(start);
        let line = text.get(start..end).unwrap_or("");
        let trimmed = line.trim_matches(is_space);
        if trimmed.is_empty() {
            blank_before = true;
        } else {
            let lead = line.len() - line.trim_start_matches(is_space).len();
            let s = start + lead;
            out.push((Span::new(s, s + trimmed.len()), blank_before));
            blank_before = false;
        }
        start = end + break_len;
    }
    out
}

/// Finds line breaks: LF; a lone CR (old Mac files; the CR of a CRLF is
/// not a break, its LF is); U+2028 LINE SEPARATOR and U+2029 PARAGRAPH
/// SEPARATOR, which scraped text sometimes carries. The next position of
/// each kind is cached and only searched again once passed, so the text is
/// scanned once per kind.
struct LineBreaks<'t> {
    text: &'t str,
    /// Next break of each kind at or after the last query (text length when
    /// there is none), as (position, length), indexed by [`BreakKind`].
    next: [(usize, usize); 3],
}

#[derive(Debug, Clone, Copy)]
enum BreakKind {
    Lf,
    LoneCr,
    Separator,
}

const BREAK_KINDS: [BreakKind; 3] = [BreakKind::Lf, BreakKind::LoneCr, BreakKind::Separator];

impl<'t> LineBreaks<'t> {
    fn new(text: &'t str) -> Self {
        let mut breaks = LineBreaks {
            text,
            next: [(0, 1); 3],
        };
        breaks.next = BREAK_KINDS.map(|kind| search_break(text, kind, 0));
        breaks
    }

    /// Where the line starting at `start` ends, and its break's length.
    fn next_from(&mut self, start: usize) -> (usize, usize) {
        let mut best = (self.text.len(), 1);
        for (slot, kind) in self.next.iter_mut().zip(BREAK_KINDS) {
            if slot.0 < start {
                *slot = search_break(self.text, kind, start);
            }
            if slot.0 < best.0 {
                best = *slot;
            }
        }
        best
    }
}

/// The first break of `kind` at or after `from`: (position, length).
fn search_break(text: &str, kind: BreakKind, mut from: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let none = (text.len(), 1);
    loop {
        let rest = text.get(from..).unwrap_or("");
        match kind {
            // str::find of an ASCII char is a fast byte search.
            BreakKind::Lf => return rest.find('\n').map_or(none, |p| (from + p, 1)),
            BreakKind::LoneCr => {
                let Some(p) = rest.find('\r') else {
                    return none;
                };
                if bytes.get(from + p + 1) != Some(&b'\n') {
                    return (from + p, 1);
                }
                from += p + 1;
            }
            // Not str::find: it keys on the last UTF-8 byte, which é
            // and è share with these separators.
            BreakKind::Separator => {
                let Some(p) = rest.bytes().position(|b| b == 0xE2) else {
                    return none;
                };
                let at = from + p;
                if bytes.get(at + 1) == Some(&0x80)
                    && matches!(bytes.get(at + 2), Some(0xA8 | 0xA9))
                {
                    return (at, 3);
                }
                from = at + 1;
            }
        }
    }
}

/// True when `next` continues `prev` as a wrapped line.
fn is_wrapped(prev: &str, next: &str) -> bool {
    prev.len() >= MIN_WRAPPED_LINE_BYTES
        && !prev.ends_with(['.', '!', '?', '…', ':', ';', '»', '"', '”'])
        && next.starts_with(char::is_lowercase)
}

fn blocks(text: &str) -> Vec<RawBlock> {
    let mut out: Vec<RawBlock> = Vec::new();
    let mut prev_line: Option<Span> = None;
    for (span, blank_before) in lines(text) {
        let wrapped = !blank_before
            && prev_line.is_some_and(|prev| is_wrapped(prev.slice(text), span.slice(text)));
        prev_line = Some(span);
        match out.last_mut() {
            Some(last) if wrapped => {
                last.span.end = span.end;
                last.lines += 1;
            }
            _ => out.push(RawBlock { span, lines: 1 }),
        }
    }
    out
}

/// A heading: one short line starting with a capital or digit, ending
/// without punctuation.
fn is_heading(text: &str, block: RawBlock) -> bool {
    let s = block.span.slice(text);
    // Cheap tests first: most blocks are long paragraphs.
    block.lines == 1
        && s.len() <= 4 * MAX_HEADING_CHARS
        && !s.ends_with([
            '.', '!', '?', ':', '…', '»', '”', '"', ';', ',', ')', '(', '-', '–', '—',
        ])
        && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && s.chars().count() <= MAX_HEADING_CHARS
        && s.split_whitespace().count() <= MAX_HEADING_WORDS
        && s.chars().any(char::is_alphabetic)
}

/// Same text, whitespace and final punctuation aside (a repeated title may
/// gain or lose its period).
fn same_text(a: &str, b: &str) -> bool {
    let core = |s: &str| s.trim_end_matches(['.', '!', '?', '…', ' ']).to_owned();
    let (a, b) = (core(a), core(b));
    !a.is_empty()
        && a.chars()
            .filter(|&c| !is_space(c))
            .eq(b.chars().filter(|&c| !is_space(c)))
}

/// A byline ("Par Rana Khoury", "De notre correspondant", France 24's
/// "Texte par : FRANCE 24"), which outlets print between the title and the
/// dateline or between the dateline and the title: never the title or the
/// standfirst.
fn is_byline(s: &str) -> bool {
    const OPENINGS: [&str; 5] = ["Par ", "De notre ", "Avec ", "Texte par ", "Texte :"];
    OPENINGS.iter().any(|o| s.starts_with(o))
        && s.split_whitespace().count() <= 6
        && !s.ends_with(['.', '!', '?'])
}

pub(crate) fn parse(text: &str) -> Article {
    let mut blocks = blocks(text);
    let mut diagnostics = Vec::new();
    let mut header = find_header(text, &blocks, &mut diagnostics);
    // A web page's publication stamp under its masthead, title and byline
    // ("Le Monde avec AFP / Publié le 17 octobre 2016 à 10h52 - Mis à
    // jour …"), inside a block of several lines: that line becomes the
    // dateline, a block of its own, and the lines around it stay blocks
    // of the body (no header: their kinds are read as below).
    let mut stamp = None;
    if header.is_none()
        && let Some((b, line, dateline)) = stamp_line(text, &blocks)
    {
        let block = blocks[b];
        let part = |start: usize, end: usize| {
            let span = trim(text, Span::new(start, end))?;
            let lines = span.slice(text).matches('\n').count() + 1;
            Some(RawBlock { span, lines })
        };
        let before = part(block.span.start, line.start);
        let after = part(line.end, block.span.end);
        let index = b + usize::from(before.is_some());
        let parts: Vec<RawBlock> = before
            .into_iter()
            .chain(std::iter::once(RawBlock {
                span: line,
                lines: 1,
            }))
            .chain(after)
            .collect();
        blocks.splice(b..=b, parts);
        stamp = Some(index);
        header = Some((index, Some(dateline)));
    }
    let kinds = match &header {
        Some((index, _)) if stamp != Some(*index) => header_kinds(text, &blocks, *index),
        _ => {
            // No header: all body, but for a title above a first paragraph
            // that opens with its source ("Titre / BEYROUTH, 14 mai 2019
            // (AFP) - Au moins…").
            let mut kinds = vec![Some(BlockKind::Paragraph); blocks.len()];
            if let [first, second, ..] = blocks.as_slice()
                && is_title_like(text, first)
                && (dateline::source_lead(second.span.slice(text)).is_some()
                    || is_signature(text, second))
            {
                kinds[0] = Some(BlockKind::Title);
            }
            // A web page's title among its masthead, menus and rubrics.
            if !kinds.contains(&Some(BlockKind::Title))
                && let Some(t) = headline_before_body(text, &blocks, stamp)
            {
                kinds[t] = Some(BlockKind::Title);
            }
            kinds
        }
    };
    let (dateline_index, dateline) = header.unzip();
    // No header: an agency's lead opening the first paragraph ("BEYROUTH,
    // 14 mai 2019 (AFP) - Au moins…") dates the article; the paragraph
    // stays whole.
    let dateline = dateline
        .flatten()
        .or_else(|| lead_dateline(text, &blocks, &kinds, &mut diagnostics));
    let mut article = Article {
        dateline,
        title: None,
        title_repeat: None,
        standfirst: None,
        headings: Vec::new(),
        paragraphs: Vec::new(),
        sentences: Vec::new(),
        diagnostics,
    };
    let mut spans = Vec::new();
    for (j, (block, kind)) in blocks.iter().zip(kinds).enumerate() {
        let Some(kind) = kind.filter(|_| Some(j) != dateline_index) else {
            continue;
        };
        let b = Block { span: block.span };
        match kind {
            BlockKind::Title => article.title = Some(b),
            BlockKind::TitleRepeat => article.title_repeat = Some(b),
            BlockKind::Standfirst => article.standfirst = Some(b),
            BlockKind::Heading => article.headings.push(b),
            BlockKind::Paragraph => article.paragraphs.push(b),
        }
        spans.clear();
        if kind == BlockKind::Heading {
            spans.push(block.span);
        } else {
            crate::sentence::split(text, block.span, &mut spans);
        }
        article
            .sentences
            .extend(spans.iter().map(|&span| Sentence { span, kind }));
    }
    article
}

/// The dateline of a source lead at the start of the first paragraph among
/// the first blocks (see [`dateline::lead_dateline`]), its span the city
/// and date.
fn lead_dateline(
    text: &str,
    blocks: &[RawBlock],
    kinds: &[Option<BlockKind>],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Dateline> {
    let first = blocks
        .iter()
        .zip(kinds)
        .take(HEADER_BLOCKS)
        .find(|(_, kind)| **kind == Some(BlockKind::Paragraph))?
        .0;
    let (len, raw) = dateline::lead_dateline(first.span.slice(text))?;
    let span = trim(text, Span::new(first.span.start, first.span.start + len))?;
    reported(&raw, span, diagnostics)
}

/// The dateline `raw` read at `span`, its problems (an impossible date, an
/// unknown zone) reported as diagnostics; `None` when the date itself is
/// impossible.
fn reported(
    raw: &dateline::RawDateline,
    span: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Dateline> {
    match raw.resolve() {
        Ok(mut resolved) => {
            if let Some(problem) = resolved.problem.take() {
                diagnostics.push(diagnostic(span, problem));
            }
            Some(resolved.dateline(span))
        }
        Err(problem) => {
            diagnostics.push(diagnostic(span, problem));
            None
        }
    }
}

/// A signature line under a title: "Par Claire Delorme, envoyée spéciale à
/// Tal Afar — Libération, 29 août 2017", "Par notre envoyé spécial à Aïn
/// Issa". Longer than a byline, but one line that ends no sentence.
fn is_signature(text: &str, block: &RawBlock) -> bool {
    let line = block.span.slice(text);
    block.lines == 1
        && block.span.len() <= MAX_DATELINE_BYTES + 30
        && (line.starts_with("Par ") || line.starts_with("De notre "))
        && !line.ends_with(['.', '!', '?'])
}

/// A block that may be a title: one line of three words or more, short,
/// neither a byline nor a rubric ("À La Une - Liban"), not ending like a
/// sentence.
fn is_title_like(text: &str, block: &RawBlock) -> bool {
    let line = block.span.slice(text);
    let words = line.split_whitespace().count();
    let rubric = words <= 6 && [" - ", " – ", " | "].iter().any(|s| line.contains(s));
    block.lines == 1
        && words >= 3
        && block.span.len() <= MAX_TITLE_BYTES
        && !line.ends_with(['.', ';', ','])
        && !is_byline(line)
        && !rubric
        && !is_menu(line)
}

/// A web page's menu or breadcrumb ("Accueil | Liban | Monde", "Liban
/// Économie  Opinions", "Accueil > Syrie"): items set apart by bars, runs
/// of spaces or chevrons, never a title.
fn is_menu(line: &str) -> bool {
    line.contains(" | ") || line.contains("  ") || line.contains(" > ") || line.contains('\t')
}

/// The words of `line`, signs such as a dash not counted.
fn words_of(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A block that reads as a headline where no header says which block is
/// the title: title-like, of four words or more, and not a stamp.
fn is_headline(text: &str, block: &RawBlock) -> bool {
    let line = block.span.slice(text);
    let words = words_of(line);
    let capitalised = line
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    is_title_like(text, block)
        && words >= 4
        // A masthead is in title case ("The Times of Israel", "Les
        // Nouvelles de Damas"); a French headline capitalises its first
        // word and its names.
        && capitalised * 5 < words * 3
        // A kicker or standfirst trails off ("…forces kurdes..."); a
        // title does not.
        && !line.ends_with([':', '…'])
        && !line.ends_with("..")
        && !dateline::opens_with_stamp(line)
        && dateline::read(line).is_none()
}

/// The title of a page with no header (or only a stamp deep in it): the
/// first headline past the masthead and menus, before the first paragraph
/// of prose (a block ending a sentence), within the first ten blocks.
fn headline_before_body(text: &str, blocks: &[RawBlock], skip: Option<usize>) -> Option<usize> {
    let body = blocks
        .iter()
        .take(10)
        .position(|b| {
            let s = b.span.slice(text).trim_end();
            s.ends_with(['.', '!', '?', '»', '"']) && s.split_whitespace().count() >= 5
        })
        .unwrap_or(blocks.len().min(10));
    (past_furniture(text, blocks, body)..body)
        .find(|&j| Some(j) != skip && is_headline(text, &blocks[j]))
}

/// The first block after a page's masthead and menus: past the last menu
/// among the first six blocks before `limit` ("Le blog d'Orient Libre -
/// Regards sur l'actualité / Accueil   Contact / Titre"), or 0.
fn past_furniture(text: &str, blocks: &[RawBlock], limit: usize) -> usize {
    (0..limit.min(6))
        .rev()
        .find(|&j| is_menu(blocks[j].span.slice(text)))
        .map_or(0, |j| j + 1)
}

/// The header: a dateline among the first blocks, all of them short. Gives
/// its block index and the dateline, which is `None` when the line reads as
/// a dateline but names an impossible date (then a diagnostic says so).
fn find_header(
    text: &str,
    blocks: &[RawBlock],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(usize, Option<Dateline>)> {
    for (k, block) in blocks.iter().enumerate().take(HEADER_BLOCKS) {
        let line = block.span.slice(text);
        if block.lines == 1 && line.len() <= MAX_DATELINE_BYTES {
            if let Some(raw) = dateline::read(line) {
                return Some((k, reported(&raw, block.span, diagnostics)));
            }
            // "Damas, SANA –" on a line of its own: the header, no date.
            if dateline::source_lead(line)
                .and_then(|n| line.get(n..))
                .is_some_and(|rest| rest.trim().is_empty())
            {
                return Some((k, None));
            }
        }
        if block.span.len() > MAX_TITLE_BYTES {
            break;
        }
    }
    None
}

/// The first line of the first `STAMP_BLOCKS` blocks (within
/// `STAMP_BYTES` of the start) that opens with "Publié" and reads as a
/// dateline whose date is possible: its block's index, its span, the
/// dateline.
fn stamp_line(text: &str, blocks: &[RawBlock]) -> Option<(usize, Span, Dateline)> {
    for (b, block) in blocks.iter().enumerate().take(STAMP_BLOCKS) {
        if block.span.start > STAMP_BYTES {
            break;
        }
        // The block's lines as `blocks` split them (every kind of break),
        // trimmed.
        for (line, _) in lines(block.span.slice(text)) {
            let span = Span::new(block.span.start + line.start, block.span.start + line.end);
            let line = span.slice(text);
            if line.len() > MAX_DATELINE_BYTES {
                continue;
            }
            let Some(raw) = dateline::read(line) else {
                continue;
            };
            // A bare date deeper in a page may be anything (a caption's,
            // an archive link's); a stamp says "Publié" or gives the time.
            if !dateline::opens_with_stamp(line) && !raw.has_time() {
                continue;
            }
            let Ok(resolved) = raw.resolve() else {
                continue;
            };
            return Some((b, span, resolved.dateline(span)));
        }
    }
    None
}

/// `span` without the whitespace around it; `None` when nothing is left.
fn trim(text: &str, span: Span) -> Option<Span> {
    let slice = text.get(span.start..span.end)?;
    let start = span.start + (slice.len() - slice.trim_start_matches(is_space).len());
    let end = span.start + slice.trim_end_matches(is_space).len();
    (start < end).then(|| Span::new(start, end))
}

/// The kind of every block of an article whose dateline is block `d`
/// (`None` for the dateline itself).
fn header_kinds(text: &str, blocks: &[RawBlock], d: usize) -> Vec<Option<BlockKind>> {
    let mut kinds: Vec<Option<BlockKind>> = vec![None; blocks.len()];
    let title_index = if d == 0 {
        (1..blocks.len().min(3))
            .find(|&t| !is_byline(blocks[t].span.slice(text)))
            .filter(|&t| blocks[t].span.len() <= MAX_TITLE_BYTES)
    } else {
        // The first headline past the menus before the dateline, or the
        // block right after it ("Moyen-Orient / Titre / chapô / Publié le
        // …"; a masthead above the date, the title below it), else a
        // title-like first block ("Titre / 20 Minutes avec AFP / Publié le
        // …"), else the last block of three words or more before the
        // dateline.
        (past_furniture(text, blocks, d)..d)
            .chain(std::iter::once(d + 1).filter(|&j| j < blocks.len()))
            .find(|&j| is_headline(text, &blocks[j]))
            .or_else(|| is_title_like(text, &blocks[0]).then_some(0))
            .or_else(|| {
                (0..d).rev().find(|&j| {
                    let line = blocks[j].span.slice(text);
                    words_of(line) >= 3 && !is_byline(line)
                })
            })
    };
    if let Some(t) = title_index {
        kinds[t] = Some(BlockKind::Title);
        // The repeat and the standfirst come after the title, past the
        // dateline and any byline.
        let next_after = |from: usize| {
            (from + 1..blocks.len()).find(|&j| j != d && !is_byline(blocks[j].span.slice(text)))
        };
        let mut next = next_after(t);
        if let Some(r) = next {
            if same_text(blocks[t].span.slice(text), blocks[r].span.slice(text)) {
                kinds[r] = Some(BlockKind::TitleRepeat);
                next = next_after(r);
            }
        }
        if let Some(s) = next {
            kinds[s] = Some(BlockKind::Standfirst);
        }
    }
    for (j, block) in blocks.iter().enumerate() {
        if j != d && kinds[j].is_none() {
            kinds[j] = Some(if is_heading(text, *block) {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            });
        }
    }
    kinds
}

fn diagnostic(span: Span, problem: Problem) -> Diagnostic {
    match problem {
        Problem::InvalidDate(message) => Diagnostic {
            span,
            kind: DiagnosticKind::InvalidDate,
            message,
        },
        Problem::UnknownZone(city) => Diagnostic {
            span,
            kind: DiagnosticKind::UnknownZone,
            message: format!("no time zone known for {city:?}"),
        },
    }
}
