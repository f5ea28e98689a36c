//! A French gazetteer and entity lexicon for conflict news.
//!
//! Finds the named entities of a text (places, armed groups, organisations,
//! media, persons) and links every spelling of one entity to one stable id.
//! Knows nothing of claims.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use bilan_article::Span;
use serde::{Deserialize, Serialize};

/// The five kinds of entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// Countries, provinces, towns, villages, mountains, crossings…
    Place,
    /// Armies, militias, jihadist groups, coalitions, air forces.
    ArmedGroup,
    /// Parties, governments, ministries, monitors, NGOs.
    Organization,
    /// Newspapers, channels, agencies, websites.
    Media,
    /// People.
    Person,
}

/// One mention of an entity in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte span in the original text.
    pub span: Span,
    /// The id of the entity mentioned (stable, or document-local for names
    /// recognised from context).
    pub id: String,
    /// The entity's kind.
    pub kind: EntityKind,
}

/// An entity found in a document, with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id such as `place:qalamoun`, or a document-local id.
    pub id: String,
    /// The entity's kind.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Spans of its mentions, in text order.
    pub mentions: Vec<Span>,
}

/// The entities of one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entities {
    /// One entity per id, in order of first mention.
    pub entities: Vec<Entity>,
    /// All mentions, sorted by start offset, never overlapping.
    pub mentions: Vec<Mention>,
}

impl Entities {
    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The mentions that lie within `span`, in text order.
    pub fn mentions_in(&self, span: Span) -> &[Mention] {
        let lo = self.mentions.partition_point(|m| m.span.start < span.start);
        let hi = self.mentions.partition_point(|m| m.span.start < span.end);
        let hi = hi.max(lo);
        let slice = &self.mentions[lo..hi];
        let n = slice.iter().take_while(|m| m.span.end <= span.end).count();
        &slice[..n]
    }
}

/// The lexicon: entity tables and the automaton that finds them.
#[derive(Debug)]
pub struct Lexicon {
    _private: (),
}

impl Lexicon {
    /// The lexicon built from the embedded data, built once per process.
    pub fn embedded() -> &'static Lexicon {
        todo!("bilan-lexicon")
    }

    /// Find and link the entities of `text`.
    pub fn find(&self, text: &str) -> Entities {
        let _ = text;
        todo!("bilan-lexicon")
    }
}
