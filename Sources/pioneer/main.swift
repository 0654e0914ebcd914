print("pioneer: under construction")
