fn main() {
    car_exports::start();
}
