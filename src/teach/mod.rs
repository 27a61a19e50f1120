//! The teaching content of the Roles, Lifecycle, Tools and Glossary sections, as plain data:
//! ids, correct answers and relations, never display text (the text lives in the locale
//! files under keys built from these ids). Pure Rust, so it is tested natively.

pub mod glossary;
pub mod incidents;
pub mod journey;
pub mod lifecycle;
pub mod progress;
pub mod quiz;
pub mod roles;
pub mod tools;

/// Who owns a piece of work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// The ML Developer.
    Dev,
    /// The MLOps Engineer.
    Ops,
    /// Both roles, planned together.
    Both,
}

impl Owner {
    /// The three owners, in the order the exercise offers them.
    pub const ALL: [Owner; 3] = [Owner::Dev, Owner::Ops, Owner::Both];

    /// A stable id, used in locale keys, CSS classes and saved progress.
    pub fn id(self) -> &'static str {
        match self {
            Owner::Dev => "dev",
            Owner::Ops => "ops",
            Owner::Both => "both",
        }
    }

    /// The position in `ALL`.
    pub fn index(self) -> u8 {
        match self {
            Owner::Dev => 0,
            Owner::Ops => 1,
            Owner::Both => 2,
        }
    }

    /// The owner at a position in `ALL`.
    pub fn from_index(index: u8) -> Option<Owner> {
        Owner::ALL.get(usize::from(index)).copied()
    }
}
