% MATLAB / Octave
z = [3 1 0.2];
Z = [1 2 3; 4 5 6];
