use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use bilan_article::{Article, Span};
use bilan_claims::Extractor;
use bilan_lexicon::{Entities, Lexicon};

use crate::document::{Claim, Document, Entity, Mention, Structure};
use crate::error::{Error, ErrorKind};

/// Default limit on the size of one input: 64 MiB. News articles are a few
/// kilobytes; anything this large is a mistake (a concatenated dump, a binary
/// file) and would only cost memory.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// The whole pipeline: article parser, lexicon and claim extractor, built
/// once and shared.
///
/// Cloning is cheap (one reference count); a `Pipeline` is `Send + Sync`, so
/// one instance can serve every thread.
///
/// ```
/// let pipeline = bilan::Pipeline::new();
/// let doc = pipeline.analyze("Deux soldats ont été blessés à Alep.")?;
/// assert_eq!(doc.doc, "-");
/// # Ok::<(), bilan::Error>(())
/// ```
#[derive(Clone)]
pub struct Pipeline {
    inner: Arc<Inner>,
}

struct Inner {
    lexicon: LexiconSource,
    extractor: Extractor,
    max_input_bytes: usize,
}

/// The embedded lexicon is a process-wide static; a lexicon with extra
/// entries belongs to its pipeline.
enum LexiconSource {
    Embedded(&'static Lexicon),
    Extended(Box<Lexicon>),
}

impl LexiconSource {
    fn get(&self) -> &Lexicon {
        match self {
            LexiconSource::Embedded(lexicon) => lexicon,
            LexiconSource::Extended(lexicon) => lexicon,
        }
    }
}

impl fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lexicon = match self.inner.lexicon {
            LexiconSource::Embedded(_) => "embedded",
            LexiconSource::Extended(_) => "embedded + files",
        };
        f.debug_struct("Pipeline")
            .field("lexicon", &lexicon)
            .field("max_input_bytes", &self.inner.max_input_bytes)
            .finish()
    }
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::new()
    }
}

impl Pipeline {
    /// A pipeline with the embedded lexicon and rules and the default size
    /// limit ([`DEFAULT_MAX_INPUT_BYTES`]).
    pub fn new() -> Pipeline {
        Pipeline {
            inner: Arc::new(Inner {
                lexicon: LexiconSource::Embedded(Lexicon::embedded()),
                extractor: Extractor::new(),
                max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            }),
        }
    }

    /// A builder to change the defaults.
    ///
    /// ```
    /// let pipeline = bilan::Pipeline::builder().max_input_bytes(1024).build()?;
    /// let big = "a".repeat(2048);
    /// assert!(matches!(
    ///     pipeline.analyze(&big).unwrap_err().kind(),
    ///     bilan::ErrorKind::TooLarge { len: 2048, limit: 1024 }
    /// ));
    /// # Ok::<(), bilan::Error>(())
    /// ```
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The size limit on one input, in bytes.
    pub fn max_input_bytes(&self) -> usize {
        self.inner.max_input_bytes
    }

    /// Analyse one text. The document's `doc` is `-`: set it to the input's
    /// name if it has one.
    ///
    /// Fails only when the text is over the size limit; any other text, even
    /// empty or junk, gives a (possibly empty) document.
    pub fn analyze(&self, text: &str) -> Result<Document, Error> {
        self.check_size(text.len())?;
        let article = bilan_article::parse(text);
        let entities = self.inner.lexicon.get().find(text);
        let claims = self.inner.extractor.extract(text, &article, &entities);
        Ok(assemble(
            text,
            &article,
            &entities,
            &claims,
            self.inner.lexicon.get(),
        ))
    }

    /// Analyse raw bytes, which must be UTF-8 (a byte-order mark is kept as
    /// text, so offsets stay those of the input).
    ///
    /// ```
    /// let pipeline = bilan::Pipeline::new();
    /// let doc = pipeline.analyze_bytes("Trois civils tués à Idleb.".as_bytes())?;
    /// assert!(doc.claims.iter().all(|c| c.end <= 27));
    /// # Ok::<(), bilan::Error>(())
    /// ```
    pub fn analyze_bytes(&self, bytes: &[u8]) -> Result<Document, Error> {
        // Check the size first: no point validating 1 GB of UTF-8 to refuse it.
        self.check_size(bytes.len())?;
        let text = std::str::from_utf8(bytes).map_err(|e| {
            Error::new(ErrorKind::InvalidUtf8 {
                offset: e.valid_up_to(),
            })
        })?;
        self.analyze(text)
    }

    /// Analyse many texts, in parallel with the `rayon` feature (on by
    /// default). Results are in input order; every `doc` is `-`.
    ///
    /// ```
    /// let pipeline = bilan::Pipeline::new();
    /// let docs = pipeline.analyze_batch(&["Un soldat tué.", "Cinq blessés."]);
    /// assert_eq!(docs.len(), 2);
    /// ```
    pub fn analyze_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Result<Document, Error>> {
        map_maybe_parallel(texts, |text| self.analyze(text.as_ref()))
    }

    /// Analyse many named inputs given as raw bytes (a corpus read from
    /// disk), in parallel with the `rayon` feature. Each document's `doc` is
    /// its name; results are in input order.
    ///
    /// ```
    /// let pipeline = bilan::Pipeline::new();
    /// let corpus = [("a.txt", "Deux civils tués.".as_bytes()), ("b.txt", b"\xFF")];
    /// let docs = pipeline.analyze_many(&corpus);
    /// assert_eq!(docs[0].as_ref().unwrap().doc, "a.txt");
    /// assert!(docs[1].is_err());
    /// ```
    pub fn analyze_many<N, B>(&self, inputs: &[(N, B)]) -> Vec<Result<Document, Error>>
    where
        N: AsRef<str> + Sync,
        B: AsRef<[u8]> + Sync,
    {
        map_maybe_parallel(inputs, |(name, bytes)| {
            let mut doc = self.analyze_bytes(bytes.as_ref())?;
            doc.doc = name.as_ref().to_owned();
            Ok(doc)
        })
    }

    fn check_size(&self, len: usize) -> Result<(), Error> {
        let limit = self.inner.max_input_bytes;
        if len > limit {
            return Err(Error::new(ErrorKind::TooLarge { len, limit }));
        }
        Ok(())
    }
}

#[cfg(feature = "rayon")]
fn map_maybe_parallel<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    use rayon::prelude::*;
    items.par_iter().map(f).collect()
}

#[cfg(not(feature = "rayon"))]
fn map_maybe_parallel<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    F: Fn(&T) -> R,
{
    items.iter().map(f).collect()
}

/// Builds a [`Pipeline`] with other than the default settings.
#[derive(Debug, Clone)]
#[must_use]
pub struct PipelineBuilder {
    max_input_bytes: usize,
    lexicon_files: Vec<PathBuf>,
}

impl Default for PipelineBuilder {
    fn default() -> PipelineBuilder {
        PipelineBuilder {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            lexicon_files: Vec::new(),
        }
    }
}

impl PipelineBuilder {
    /// Refuse inputs longer than `limit` bytes with
    /// [`ErrorKind::TooLarge`] (default [`DEFAULT_MAX_INPUT_BYTES`]).
    pub fn max_input_bytes(mut self, limit: usize) -> PipelineBuilder {
        self.max_input_bytes = limit;
        self
    }

    /// Add the entities of a lexicon file to the embedded lexicon: your own
    /// villages, brigades or spellings. The file is the lexicon's TSV format
    /// (see the `bilan-lexicon` crate: header `id kind name type parent
    /// country lat lon geonames allegiance variants flags`); a line whose id
    /// is already known adds spellings to that entity. Read by
    /// [`build`](Self::build); may be given several times.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("bilan-doc-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir).unwrap();
    /// # let path = dir.join("extra.tsv");
    /// std::fs::write(&path, "id\tkind\tname\ttype\tparent\tcountry\tlat\tlon\tgeonames\tallegiance\tvariants\tflags\n\
    ///     place:tell-khazne\tplace\tTell Khazné\tvillage\t\tSY\t\t\t\t\tTell Khazneh\t\n")?;
    /// let pipeline = bilan::Pipeline::builder().lexicon_file(&path).build()?;
    /// let doc = pipeline.analyze("Deux civils tués à Tell Khazneh.")?;
    /// assert!(doc.entity("place:tell-khazne").is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lexicon_file(mut self, path: impl Into<PathBuf>) -> PipelineBuilder {
        self.lexicon_files.push(path.into());
        self
    }

    /// Build the pipeline.
    ///
    /// # Errors
    /// [`ErrorKind::Lexicon`] when a lexicon file cannot be read or is
    /// malformed.
    pub fn build(self) -> Result<Pipeline, Error> {
        let lexicon = if self.lexicon_files.is_empty() {
            LexiconSource::Embedded(Lexicon::embedded())
        } else {
            let builder = self
                .lexicon_files
                .iter()
                .fold(Lexicon::builder(), |b, path| b.add_file(path));
            let lexicon = builder.build().map_err(|e| {
                Error::new(ErrorKind::Lexicon {
                    reason: e.to_string(),
                })
            })?;
            LexiconSource::Extended(Box::new(lexicon))
        };
        Ok(Pipeline {
            inner: Arc::new(Inner {
                lexicon,
                extractor: Extractor::new(),
                max_input_bytes: self.max_input_bytes,
            }),
        })
    }
}

/// The text of `span` in `text`, or `None` if a stage handed over a span that
/// is not on character boundaries inside the text (a bug upstream, caught in
/// debug builds; in release the element is dropped rather than panicking).
fn slice(text: &str, span: Span) -> Option<&str> {
    let got = text.get(span.start..span.end);
    debug_assert!(got.is_some(), "stage produced bad span {span:?}");
    got
}

/// Makes every claim link name an entity of the document, as the format
/// promises. A claim may name a group the text implies without naming it
/// ("les daechistes" → Daech): that entity is added with no mentions, its
/// name and kind taken from the lexicon. A link the lexicon does not know
/// either is dropped rather than left dangling.
fn link_implied_entities(entities: &mut Vec<Entity>, claims: &mut [Claim], lexicon: &Lexicon) {
    for claim in claims.iter_mut() {
        for link in [&mut claim.actor, &mut claim.place, &mut claim.source] {
            let Some(id) = link.as_deref() else { continue };
            if entities.iter().any(|e| e.id == id) {
                continue;
            }
            match lexicon.entry(id) {
                Some(entry) => entities.push(Entity {
                    id: entry.id.clone(),
                    kind: entry.kind,
                    name: entry.name.clone(),
                    mentions: Vec::new(),
                }),
                None => *link = None,
            }
        }
    }
}

/// Rounds away floating-point noise from unit conversions (99.99 hectares
/// in km² is 0.9999000000000001) to 6 decimal places, far below any
/// precision a news figure has. The JSON then shows the decimal a reader
/// expects, and parses back to the very same `f64`.
fn tidy(x: f64) -> f64 {
    const SCALE: f64 = 1e6;
    if x.is_finite() && x.abs() < 1e9 {
        (x * SCALE).round() / SCALE
    } else {
        x
    }
}

fn valid(text: &str, span: Span) -> Option<Span> {
    slice(text, span).map(|_| span)
}

fn assemble(
    text: &str,
    article: &Article,
    entities: &Entities,
    claims: &[bilan_claims::Claim],
    lexicon: &Lexicon,
) -> Document {
    // A stamp without a zone takes that of the outlet named around it.
    let published = article.dateline.as_ref().and_then(|d| {
        d.zoned
            .clone()
            .or_else(|| crate::published::outlet_zoned(d, entities, lexicon))
    });
    let mut entities: Vec<Entity> = entities
        .entities
        .iter()
        .map(|e| Entity {
            id: e.id.to_string(),
            kind: e.kind,
            name: e.name.clone(),
            mentions: e
                .mentions
                .iter()
                .filter_map(|&span| {
                    slice(text, span).map(|t| Mention {
                        start: span.start,
                        end: span.end,
                        text: t.to_owned(),
                    })
                })
                .collect(),
        })
        .collect();
    let mut claims: Vec<Claim> = claims
        .iter()
        .filter_map(|c| {
            let evidence = slice(text, c.span)?;
            Some(Claim {
                kind: c.kind,
                start: c.span.start,
                end: c.span.end,
                text: evidence.to_owned(),
                value: c.value.map(tidy),
                min: c.min.map(tidy),
                max: c.max.map(tidy),
                unit: c.unit,
                qualifier: c.qualifier,
                outcome: c.outcome,
                victims: c.victims,
                actor: c.actor.as_deref().map(str::to_owned),
                place: c.place.as_deref().map(str::to_owned),
                source: c.source.as_deref().map(str::to_owned),
                date: c.date,
            })
        })
        .collect();
    link_implied_entities(&mut entities, &mut claims, lexicon);
    let title = article
        .title
        .as_ref()
        .and_then(|b| slice(text, b.span))
        .map(|t| t.trim().to_owned());
    let spans = |blocks: &[bilan_article::Block]| -> Vec<Span> {
        blocks.iter().filter_map(|b| valid(text, b.span)).collect()
    };
    let structure = Structure {
        dateline: article.dateline.as_ref().and_then(|d| valid(text, d.span)),
        date: article.dateline.as_ref().map(|d| d.date),
        title: article.title.as_ref().and_then(|b| valid(text, b.span)),
        title_repeat: article
            .title_repeat
            .as_ref()
            .and_then(|b| valid(text, b.span)),
        standfirst: article
            .standfirst
            .as_ref()
            .and_then(|b| valid(text, b.span)),
        headings: spans(&article.headings),
        paragraphs: spans(&article.paragraphs),
        sentences: article
            .sentences
            .iter()
            .filter_map(|s| valid(text, s.span))
            .collect(),
        diagnostics: article.diagnostics.clone(),
    };
    Document {
        doc: "-".to_owned(),
        published,
        title,
        entities,
        claims,
        article: structure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim_linking(actor: &str, source: &str) -> bilan_claims::Claim {
        bilan_claims::Claim {
            kind: bilan_claims::ClaimKind::Casualties,
            span: Span::new(0, 13),
            value: Some(7.0),
            min: None,
            max: None,
            unit: None,
            qualifier: bilan_claims::Qualifier::Exact,
            outcome: Some(bilan_claims::Outcome::Killed),
            victims: Some(bilan_claims::Victims::Militants),
            actor: Some(actor.into()),
            place: None,
            source: Some(source.into()),
            date: None,
        }
    }

    #[test]
    fn links_to_unmentioned_entities_are_resolved_or_dropped() {
        let text = "7 daechistes tués.";
        let article = bilan_article::parse(text);
        let lexicon = Lexicon::embedded();
        let claims = [claim_linking("group:daesh", "media:no-such-outlet")];
        let doc = assemble(text, &article, &Entities::default(), &claims, lexicon);
        let claim = &doc.claims[0];
        assert_eq!(claim.source, None, "unknown id dropped");
        let actor = claim.actor.as_deref().and_then(|id| doc.entity(id));
        let actor = actor.expect("implied entity added");
        assert_eq!(actor.kind, bilan_lexicon::EntityKind::ArmedGroup);
        assert!(actor.mentions.is_empty());
        assert_eq!(doc.entities.len(), 1, "added once");
    }
}
