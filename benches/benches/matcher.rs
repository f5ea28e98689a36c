//! Criterion bench: the lexicon matcher over the sample-article corpus
//! (1 MiB), reported as bytes per second on one core.
use bilan_lexicon::Lexicon;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let corpus = bilan_bench::corpus(1 << 20);
    let lexicon = Lexicon::embedded();
    // Build the automaton outside the measurement.
    black_box(lexicon.find("Aarsal"));
    let mut group = c.benchmark_group("matcher");
    group.throughput(Throughput::Bytes(corpus.len() as u64));
    group.sample_size(20);
    group.bench_function("find_1MiB", |b| {
        b.iter(|| black_box(lexicon.find(black_box(&corpus))))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
