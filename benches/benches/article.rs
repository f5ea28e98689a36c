//! Criterion bench of bilan-article: `parse` and `normalize` over the shared
//! corpus (`bilan_bench::corpus`, the sample articles of `examples/articles/`,
//! or the articles named by `BILAN_BENCH_CORPUS`,
//! repeated to at least 1 MiB), reported as throughput in MB/s (decimal,
//! 10^6 bytes: the unit the project's speed goals are stated in).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// At least this many bytes of text per iteration.
const CORPUS_BYTES: usize = 1 << 20;

fn article(c: &mut Criterion) {
    let corpus = bilan_bench::corpus(CORPUS_BYTES);
    let articles = bilan_bench::articles();
    let mut group = c.benchmark_group("article");
    group.throughput(Throughput::BytesDecimal(corpus.len() as u64));
    group.sample_size(20);
    group.bench_function("parse (corpus as one text)", |b| {
        b.iter(|| black_box(bilan_article::parse(black_box(&corpus))))
    });
    group.bench_function("normalize", |b| {
        b.iter(|| black_box(bilan_article::normalize(black_box(&corpus))))
    });
    group.finish();

    // One parse per article, as a user parses a corpus of files.
    let mut docs = Vec::new();
    let mut total = 0;
    while total < CORPUS_BYTES && !articles.is_empty() {
        for (_, text) in &articles {
            total += text.len();
            docs.push(text.as_str());
        }
    }
    let mut group = c.benchmark_group("article per document");
    group.throughput(Throughput::BytesDecimal(total as u64));
    group.sample_size(20);
    group.bench_function("parse", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(bilan_article::parse(black_box(doc)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, article);
criterion_main!(benches);
