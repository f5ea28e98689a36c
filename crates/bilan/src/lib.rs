//! bilan: French-language conflict news in, structured and auditable claims out.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use bilan_article::{Article, Span};
pub use bilan_claims::{Claim, ClaimKind, Outcome, Qualifier, Unit, Victims};
pub use bilan_lexicon::{Entities, EntityKind};

use serde::{Deserialize, Serialize};

/// The analysis of one document: the JSON of `OUTPUT.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The input's name (file name, or `-` for standard input).
    pub doc: String,
    /// The dateline as a zoned timestamp.
    pub published: Option<jiff::Zoned>,
    /// The title.
    pub title: Option<String>,
}

/// The whole pipeline, built once.
#[derive(Debug, Default)]
pub struct Pipeline {
    extractor: bilan_claims::Extractor,
}

impl Pipeline {
    /// A pipeline with the embedded defaults.
    pub fn new() -> Pipeline {
        Pipeline::default()
    }

    /// Analyse one document.
    pub fn analyze(&self, text: &str) -> Document {
        let article = bilan_article::parse(text);
        let _ = &self.extractor;
        Document {
            doc: "-".to_owned(),
            published: article.dateline.and_then(|d| d.zoned),
            title: article.title.map(|t| t.span.slice(text).to_owned()),
        }
    }
}
