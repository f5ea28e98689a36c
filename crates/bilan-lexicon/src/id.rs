//! [`EntityId`]: an entity's id, shared by all its mentions.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// The id of an entity (`place:qalamoun`, `group:daesh`,
/// `local:place:tell-hamra`), as found on each [`Mention`](crate::Mention)
/// and [`Entity`](crate::Entity).
///
/// A document names its few dozen entities hundreds of times: the mentions
/// of one entity share one string, so a mention costs no allocation and
/// cloning an id is a reference-count increment. It reads as a `&str`
/// (`Deref`, [`EntityId::as_str`]), compares with strings, and serialises
/// as a plain JSON string.
///
/// ```
/// use bilan_lexicon::Lexicon;
///
/// let found = Lexicon::embedded().find("Des combats ont eu lieu près de Homs.");
/// let id = &found.mentions[0].id;
/// assert_eq!(id, "place:homs");
/// assert!(id.starts_with("place:"));
/// let owned: String = id.to_string();
/// assert_eq!(owned, "place:homs");
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(Arc<str>);

impl EntityId {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for EntityId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for EntityId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for EntityId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for EntityId {
    fn from(s: &str) -> EntityId {
        EntityId(Arc::from(s))
    }
}

impl From<String> for EntityId {
    fn from(s: String) -> EntityId {
        EntityId(Arc::from(s))
    }
}

impl From<EntityId> for String {
    fn from(id: EntityId) -> String {
        id.0.to_string()
    }
}

impl fmt::Debug for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for EntityId {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for EntityId {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for EntityId {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<EntityId> for str {
    fn eq(&self, other: &EntityId) -> bool {
        self == &*other.0
    }
}

impl PartialEq<EntityId> for &str {
    fn eq(&self, other: &EntityId) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<EntityId> for String {
    fn eq(&self, other: &EntityId) -> bool {
        **self == *other.0
    }
}

impl Serialize for EntityId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for EntityId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<EntityId, D::Error> {
        String::deserialize(deserializer).map(EntityId::from)
    }
}

#[cfg(test)]
mod tests {
    use super::EntityId;

    #[test]
    fn reads_and_compares_as_a_string() {
        let id = EntityId::from("group:daesh");
        let copy = id.clone();
        assert_eq!(id, copy);
        assert_eq!(id, "group:daesh");
        assert_eq!("group:daesh", id);
        assert_eq!(id, String::from("group:daesh"));
        assert_eq!(id.as_str(), "group:daesh");
        assert_eq!(format!("{id} {id:?}"), "group:daesh \"group:daesh\"");
        assert_ne!(id, "group:nosra");
    }

    #[test]
    fn serialises_as_a_plain_string() {
        let id = EntityId::from("place:homs");
        let json = serde_json::to_string(&id).unwrap_or_default();
        assert_eq!(json, "\"place:homs\"");
        let back: Result<EntityId, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(id));
    }
}
