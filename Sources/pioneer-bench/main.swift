print("pioneer-bench: under construction")
