use criterion::{Criterion, criterion_group, criterion_main};
fn bench(c: &mut Criterion) {
    let p = bilan::Pipeline::new();
    c.bench_function("noop", |b| b.iter(|| p.analyze("")));
}
criterion_group!(benches, bench);
criterion_main!(benches);
