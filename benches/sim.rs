//! Benchmark of the churn simulation end to end with the default (article) configuration:
//! generate the world, train the champion, score every week, monitor, run the three
//! policies. The page recomputes this on every slider move, so it must stay in
//! milliseconds.

use criterion::{Criterion, criterion_group, criterion_main};
use mlops_lab::sim::{self, Config};
use std::hint::black_box;

fn default_scenario(c: &mut Criterion) {
    let config = Config::default();
    c.bench_function("default scenario end to end", |b| {
        b.iter(|| sim::run(black_box(&config)).expect("the default config is valid"))
    });
    // What a slider move costs on the page: the session keeps the history and champion.
    let mut session = sim::Session::new();
    let mut strength = 1.0;
    c.bench_function("slider move with a session (drift strength)", |b| {
        b.iter(|| {
            strength = if strength == 1.0 { 0.9 } else { 1.0 };
            let moved = Config { strength, ..config };
            session.run(black_box(&moved)).expect("valid")
        })
    });
    let world_only = Config::default();
    c.bench_function("generate the world only", |b| {
        b.iter(|| sim::world::World::generate(black_box(&world_only)))
    });
}

criterion_group!(benches, default_scenario);
criterion_main!(benches);
