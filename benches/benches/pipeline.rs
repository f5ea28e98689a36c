//! Criterion bench of the whole pipeline (`Pipeline::analyze`) and of each
//! stage on the same input, as throughput in MB/s (decimal, 10^6 bytes).
//!
//! Input: the sample articles of `examples/articles/` (or those of
//! `BILAN_BENCH_CORPUS`, see `bilan_bench`), analysed one article per
//! `analyze` call (as a user analyses a corpus), repeated until there is at
//! least 1 MB of text so that each iteration is long enough to time.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// At least this many bytes of articles per iteration.
const CORPUS_BYTES: usize = 1 << 20;

/// The sample articles repeated to at least `CORPUS_BYTES`, one entry per
/// article.
fn documents() -> Vec<String> {
    let articles = bilan_bench::articles();
    bilan_bench::announce(&articles);
    assert!(
        !articles.is_empty(),
        "no .txt articles in {}",
        bilan_bench::corpus_path().display()
    );
    let mut docs = Vec::new();
    let mut total = 0;
    while total < CORPUS_BYTES {
        for (_, text) in &articles {
            total += text.len();
            docs.push(text.clone());
        }
    }
    docs
}

fn bytes(docs: &[String]) -> u64 {
    docs.iter().map(|d| d.len() as u64).sum()
}

fn pipeline(c: &mut Criterion) {
    let docs = documents();
    let pipeline = bilan::Pipeline::new();
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::BytesDecimal(bytes(&docs)));
    group.sample_size(10);
    group.bench_function("analyze per article", |b| {
        b.iter(|| {
            for doc in &docs {
                let _ = black_box(pipeline.analyze(black_box(doc)));
            }
        })
    });
    group.bench_function("analyze_batch (rayon)", |b| {
        b.iter(|| black_box(pipeline.analyze_batch(black_box(&docs))))
    });
    group.finish();
}

/// Each stage alone on the same articles, to see where the time goes.
fn stages(c: &mut Criterion) {
    let docs = documents();
    let lexicon = bilan_lexicon::Lexicon::embedded();
    let extractor = bilan_claims::Extractor::new();
    let parsed: Vec<_> = docs
        .iter()
        .map(|d| (bilan_article::parse(d), lexicon.find(d)))
        .collect();
    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::BytesDecimal(bytes(&docs)));
    group.sample_size(10);
    group.bench_function("1 article::parse", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(bilan_article::parse(black_box(doc)));
            }
        })
    });
    group.bench_function("2 lexicon.find", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(lexicon.find(black_box(doc)));
            }
        })
    });
    group.bench_function("3 extractor.extract", |b| {
        b.iter(|| {
            for (doc, (article, entities)) in docs.iter().zip(&parsed) {
                black_box(extractor.extract(black_box(doc), article, entities));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, pipeline, stages);
criterion_main!(benches);
