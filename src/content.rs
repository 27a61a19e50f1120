//! Figures quoted from the source article (not computed: they are the article's claims
//! about the industry). Figures about the churn scenario never live here: the simulation
//! computes them.

/// Share of models that survive past the experiment stage, per the article.
pub const MODELS_SURVIVING_PERCENT: usize = 10;

/// Share of models that reach production and stay there when the ML Developer and the
/// MLOps Engineer work together, per the article.
pub const MODELS_SURVIVING_WITH_BOTH_ROLES_PERCENT: usize = 90;
