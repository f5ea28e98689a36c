//! Criterion bench of bilan-claims: `Extractor::extract` over the shared
//! corpus (`bilan_bench::corpus`, the sample articles of `examples/articles/`
//! repeated to at least 1 MiB), reported as throughput in bytes/s. Parsing
//! and entity finding happen once, outside the timed loop; `quantity::scan`
//! alone is timed too, since `extract` includes it.

use std::hint::black_box;

use bilan_article::Span;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// At least this many bytes of text per iteration.
const CORPUS_BYTES: usize = 1 << 20;

fn claims(c: &mut Criterion) {
    let corpus = bilan_bench::corpus(CORPUS_BYTES);
    let article = bilan_article::parse(&corpus);
    let entities = bilan_lexicon::Lexicon::embedded().find(&corpus);
    let extractor = bilan_claims::Extractor::new();

    let mut group = c.benchmark_group("claims");
    group.throughput(Throughput::Bytes(corpus.len() as u64));
    group.sample_size(20);
    group.bench_function("extract (parse and entities done)", |b| {
        b.iter(|| black_box(extractor.extract(black_box(&corpus), &article, &entities)))
    });
    group.bench_function("quantity::scan per sentence", |b| {
        b.iter(|| {
            let mut n = 0;
            for sentence in &article.sentences {
                n += bilan_claims::quantity::scan(black_box(&corpus), sentence.span).len();
            }
            black_box(n)
        })
    });
    group.bench_function("quantity::scan whole text", |b| {
        b.iter(|| {
            black_box(bilan_claims::quantity::scan(
                black_box(&corpus),
                Span::new(0, corpus.len()),
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, claims);
criterion_main!(benches);
